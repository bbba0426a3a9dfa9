package org.voicepanel.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The panel's HTTP contract as a client sees it: JSON envelopes over real HTTP. */
public final class PanelApi {

    /** One answer: status and body, parsed as JSON when it is. */
    public record Answer(int status, byte[] body, HttpResponse<byte[]> response) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }

        public JsonNode data() {
            return json().path("data");
        }

        @Override
        public String toString() {
            return status + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public PanelApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Answer get(String path, String token, String... headers) throws IOException {
        return send(request(path, token, headers).GET());
    }

    public Answer delete(String path, String token) throws IOException {
        return send(request(path, token).DELETE());
    }

    public Answer post(String path, String token) throws IOException {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Answer postJson(String path, String token, Object body) throws IOException {
        return send(request(path, token, "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    public Answer putJson(String path, String token, Object body) throws IOException {
        return send(request(path, token, "Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    public Answer postBytes(String path, String token, byte[] body, String contentType) throws IOException {
        return send(request(path, token, "Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * Any request: a method, a path (with its query), an optional bearer token, a body and header
     * pairs. A body from {@link HttpRequest.BodyPublishers#ofInputStream} is sent chunked, without
     * a Content-Length.
     */
    public Answer exchange(String method, String path, String token, HttpRequest.BodyPublisher body,
                           String... headers) throws IOException {
        return send(request(path, token, headers).method(method, body));
    }

    /**
     * A GET written byte for byte on a socket, for a path or query that {@link java.net.URI} would
     * refuse to send (a broken percent escape): what a careless or hostile client can still send.
     */
    public Answer rawGet(String pathAndQuery) throws IOException {
        URI base = URI.create(baseUrl);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String reply = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(reply.substring(9, 12));
            String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
            if (reply.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(status, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /** Creates a user with backup roles, a token for it, and a TeamSpeak service on the given query port. */
    public Customer customer(String name, int queryPort, int slots) throws IOException {
        return customer(name, queryPort, slots, 1);
    }

    /** The same, for a given virtual server of the TeamSpeak instance. */
    public Customer customer(String name, int queryPort, int slots, int virtualServerId) throws IOException {
        long userId = postJson("/admin/users", PanelProcess.ADMIN_TOKEN, Map.of("name", name, "password", name + "-password"))
                .data().path("user").path("id").asLong();
        String token = token(userId, List.of("ROLE_WEBINTERFACE_BACKUPS_READ", "ROLE_WEBINTERFACE_BACKUPS_WRITE"));
        Answer service = postJson("/admin/services", PanelProcess.ADMIN_TOKEN, Map.of(
                "owner_user_id", userId, "name", name + "'s server", "voiceserver", Map.of(
                        "type", "teamspeak3", "host", "127.0.0.1", "query_port", queryPort,
                        "query_username", "serveradmin", "query_password", "secret",
                        "virtual_server_id", virtualServerId, "slots", slots)));
        if (service.status() != 201) {
            throw new IllegalStateException("service not created: " + service);
        }
        return new Customer(userId, token, service.data().path("service").path("id").asLong());
    }

    public String token(long userId, List<String> roles) throws IOException {
        return grant(userId, roles).token();
    }

    /** A new token for the user, with its id (to revoke it). */
    public Grant grant(long userId, List<String> roles) throws IOException {
        Answer answer = postJson("/admin/users/" + userId + "/tokens", PanelProcess.ADMIN_TOKEN,
                Map.of("roles", roles, "description", "system test"));
        if (answer.status() != 201) {
            throw new IllegalStateException("token not created: " + answer);
        }
        JsonNode token = answer.data().path("token");
        return new Grant(token.path("id").asLong(), token.path("access_token").asString());
    }

    /** A token as made: its id and its only showing. */
    public record Grant(long id, String token) {
    }

    /** A panel user with a token holding both backup roles, and their TeamSpeak service. */
    public record Customer(long userId, String token, long serviceId) {

        public String backups() {
            return "/services/" + serviceId + "/voiceservers/backup";
        }
    }

    private HttpRequest.Builder request(String path, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(3));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
