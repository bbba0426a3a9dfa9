package org.voicepanel.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routes as docs/api.md lists them (every table row whose first cell starts with {@code `METHOD /path}) and as
 * the OpenAPI document lists them, both as {@code "GET /services/{}"}: path variables lose their names, which the
 * prose may choose freely.
 */
final class ApiRouteTables {

    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) (/[^` ]*)", Pattern.MULTILINE);
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private ApiRouteTables() {
    }

    static Path contract() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/api.md"))) {
                return dir.resolve("docs/api.md");
            }
        }
        throw new IllegalStateException("docs/api.md not found above " + Path.of("").toAbsolutePath());
    }

    static Set<String> documented() {
        try {
            Matcher row = ROW.matcher(Files.readString(contract()));
            Set<String> routes = new TreeSet<>();
            while (row.find()) {
                routes.add(route(row.group(1), row.group(2)));
            }
            return routes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OpenAPI document the panel serves; anyone may read it, so no token is sent. */
    static JsonNode fetch(URI documentUri) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(documentUri)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("GET " + documentUri + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return JsonMapper.builder().build().readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Set<String> generated(JsonNode openApi) {
        Set<String> routes = new TreeSet<>();
        for (var path : openApi.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    routes.add(route(operation.getKey().toUpperCase(), path.getKey()));
                }
            }
        }
        return routes;
    }

    private static String route(String method, String path) {
        return method + " " + path.replaceAll("\\{[^}]*}", "{}");
    }
}
