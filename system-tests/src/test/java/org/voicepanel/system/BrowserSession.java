package org.voicepanel.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.voicepanel.system.PanelApi.Answer;

/**
 * What a browser does for the web page, at the HTTP level: keeps the cookies the panel sets and
 * sends them back, and echoes the {@code XSRF-TOKEN} cookie in the {@code X-XSRF-TOKEN} header
 * when asked to. A test can also plant a cookie, as an attacker would. Not thread-safe.
 */
public final class BrowserSession {

    public static final String CSRF_COOKIE = "XSRF-TOKEN";
    public static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private HttpResponse<byte[]> last;

    public BrowserSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Loads the page, which gives the browser its CSRF cookie. */
    public Answer open() throws IOException {
        return get("/");
    }

    /** Logs in with the CSRF header, as the page does. */
    public Answer logIn(String name, String password) throws IOException {
        if (cookie(CSRF_COOKIE).isEmpty()) {
            open();
        }
        return send("POST", "/session", PanelApi.JSON.writeValueAsString(Map.of("name", name, "password", password)),
                true);
    }

    public Answer get(String path) throws IOException {
        return send("GET", path, null, (String) null);
    }

    /** A state-changing request; {@code withCsrf} decides whether the CSRF header echoes the cookie. */
    public Answer send(String method, String path, String json, boolean withCsrf) throws IOException {
        return send(method, path, json, withCsrf ? cookie(CSRF_COOKIE).orElse(null) : null);
    }

    /** A request with this CSRF header value, or none when {@code csrfHeader} is null. */
    public Answer send(String method, String path, String json, String csrfHeader) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(2))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (csrfHeader != null) {
            builder.header(CSRF_HEADER, csrfHeader);
        }
        try {
            last = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        for (String setCookie : last.headers().allValues("Set-Cookie")) {
            remember(setCookie);
        }
        return new Answer(last.statusCode(), last.body(), last);
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Sets a cookie as if the panel had, or as an attacker planting one would. */
    public void plant(String name, String value) {
        cookies.put(name, value);
    }

    public void forget(String name) {
        cookies.remove(name);
    }

    /** The Set-Cookie headers of the last answer, for their attributes. */
    public List<String> lastSetCookies() {
        return last == null ? List.of() : last.headers().allValues("Set-Cookie");
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return;
        }
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
