package org.voicepanel.system.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The timed requests: plain HTTP/1.1 (no h2c upgrade attempts), bodies read and dropped as they arrive, so the
 * client measures the panel and not its own buffering. Thread-safe.
 */
final class PanelHttp {

    /** Status and how many body bytes came. */
    record Reply(int status, long bytes, String text) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "benchmark-http");
                thread.setDaemon(true);
                return thread;
            }))
            .build();
    private final String baseUrl;

    PanelHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Reply post(String path, String token) throws IOException {
        return text(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Reply postBytes(String path, String token, byte[] body) throws IOException {
        return text(request(path, token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * GET ({@code token} null: without one), counting and dropping the body. Over HttpURLConnection (keep-alive, blocking reads straight into the
     * buffer): with HttpClient's asynchronous body pipeline the client took longer than the panel per download.
     */
    Reply get(String path, String token, String accept) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        connection.setRequestProperty("Accept", accept);
        connection.setReadTimeout((int) Duration.ofMinutes(5).toMillis());
        int status = connection.getResponseCode();
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            for (int n; body != null && (n = body.read(buffer)) > 0; ) {
                bytes += n;
            }
        }
        return new Reply(status, bytes, "");
    }

    /** GET, keeping the body. */
    byte[] getBytes(String path, String token, String accept) throws IOException {
        HttpResponse<byte[]> response = send(request(path, token).header("Accept", accept).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private Reply text(HttpRequest.Builder builder) throws IOException {
        HttpResponse<String> response = send(builder, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().length(), response.body());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(5));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return client.send(builder.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
