package org.voicepanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speaks the panel's HTTP contract from outside, as a client SDK would. Every JSON answer is
 * checked on arrival: it is the contract's envelope, and it shows nothing of the panel's insides
 * (stack traces, SQL, class names, file paths) nor any secret registered with {@link #secret}.
 */
final class PanelClient {

    static final String OCTET_STREAM = "application/octet-stream";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\tat |\\bjava\\.|\\bjavax\\.|\\bjakarta\\.|\\borg\\.(springframework|voicepanel|example|pf4j|jdbi|"
                    + "mariadb|flywaydb|apache)|SQL|SELECT |INSERT |\\.java\\b|/srv/|/tmp/|/work/|/root/|/home/");

    private final RunningPanel panel;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    PanelClient(RunningPanel panel) {
        this.panel = panel;
    }

    /** An error envelope with this status and code. */
    static void assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.isJson()).as("JSON envelope, got %s", answer.header("Content-Type")).isTrue();
        assertThat(answer.code()).as(answer.text()).isEqualTo(code);
    }

    static List<Long> ids(JsonNode array) {
        return ids(array, "id");
    }

    static List<Long> ids(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asLong()).toList();
    }

    static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    /** A value that must never appear in any answer, such as a query password. */
    void secret(String value) {
        secrets.add(value);
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    Answer get(String path, String token, String accept) {
        return send(request(path, token).header("Accept", accept).GET());
    }

    Answer post(String path, String token) {
        return send(request(path, token).POST(BodyPublishers.noBody()));
    }

    Answer postJson(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer putJson(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer post(String path, String token, String contentType, BodyPublisher body) {
        return send(request(path, token).header("Content-Type", contentType).POST(body));
    }

    Answer delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** {@code token} goes in {@code Authorization: Bearer}; null sends none. */
    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(panel.uri(path)).timeout(Duration.ofSeconds(60));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Answer answer = new Answer(response.statusCode(), response.headers().map(), response.body());
            answer.assertClean(secrets);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code GET <target>} over a bare socket, for request targets {@link java.net.URI} refuses
     * to build ({@code %ZZ}, {@code {}}). HTTP/1.0, so the answer comes unchunked.
     */
    Answer rawGet(String target) {
        URI base = panel.uri("/");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.0\r\nHost: " + base.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            for (String line : Arrays.asList(lines).subList(1, lines.length)) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).strip(), name -> new java.util.ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            Answer answer = new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    Arrays.copyOfRange(all, end + 4, all.length));
            answer.assertClean(secrets);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One answer: status, headers and body, with the JSON read on demand. */
    record Answer(int status, java.util.Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        boolean isJson() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/json");
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        JsonNode data() {
            return json().path("data");
        }

        String code() {
            return json().path("code").asString();
        }

        String message() {
            return json().path("message").asString();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The contract's envelope, without internals or secrets. */
        private void assertClean(Set<String> secrets) {
            if (!isJson()) {
                return;
            }
            JsonNode json = json();
            String status = json.path("status").asString();
            if (this.status >= 400) {
                assertThat(status).as("status of a %d answer: %s", this.status, text()).isEqualTo("error");
                assertThat(json.path("code").asString()).as("code: %s", text()).matches("[A-Z_]+");
                assertThat(json.path("message").asString()).as("message: %s", text()).isNotBlank();
            } else {
                assertThat(status).as("status of a %d answer: %s", this.status, text()).isEqualTo("success");
                assertThat(json.has("data") || json.has("message")).as("data or message: %s", text()).isTrue();
            }
            // random text the contract puts there on purpose (a file, a new token) could match by chance
            String shown = text();
            for (JsonNode random : List.of(json.path("data").path("snapshot"), json.path("data").path("token").path("access_token"))) {
                if (random.isString()) {
                    shown = shown.replace(random.asString(), "");
                }
            }
            assertThat(INTERNALS.matcher(shown).find()).as("internals shown in %s", shown).isFalse();
            for (String secret : secrets) {
                assertThat(text()).as("a secret is shown").doesNotContain(secret);
            }
        }
    }
}
