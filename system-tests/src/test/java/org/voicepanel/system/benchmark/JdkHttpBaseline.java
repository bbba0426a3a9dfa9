package org.voicepanel.system.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor for a download route: the JDK's own {@link HttpServer} streaming a snapshot's chunk rows from the panel's
 * MariaDB, with as many connections as the panel's pool (16) and a thread per request, nothing else (no
 * authentication, no lookup of the service, no hash check). {@code GET /raw/{snapshot}} answers the file with its
 * length, {@code GET /json/{snapshot}} the panel's JSON envelope around its base64 (the JDK's Base64 encoder over the
 * array of each row), chunked.
 */
final class JdkHttpBaseline implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Connection> pool;

    JdkHttpBaseline(List<Connection> connections) throws IOException {
        this.pool = new ArrayBlockingQueue<>(connections.size(), false, connections);
        // as Tomcat does: without it, Nagle's algorithm held back the last segment of an answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/raw/", exchange -> answer(exchange, false));
        server.createContext("/json/", exchange -> answer(exchange, true));
        server.setExecutor(threads);
        server.start();
    }

    /** Answers {@code path} with {@code body}, as a static file. */
    void serve(String path, byte[] body, String contentType) {
        server.createContext(path, exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange, boolean json) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            long snapshotId = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
            Connection connection = pool.take();
            try {
                stream(connection, snapshotId, exchange, json);
            } finally {
                pool.add(connection);
            }
        } catch (Exception e) {
            throw new IOException("the baseline download failed", e);
        }
    }

    private static void stream(Connection connection, long snapshotId, HttpExchange exchange, boolean json)
            throws Exception {
        long size;
        try (PreparedStatement find = connection.prepareStatement("SELECT size FROM ts3_snapshot WHERE id = ?")) {
            find.setLong(1, snapshotId);
            try (ResultSet row = find.executeQuery()) {
                row.next();
                size = row.getLong(1);
            }
        }
        exchange.getResponseHeaders().set("Content-Type", json ? "application/json" : "application/octet-stream");
        exchange.sendResponseHeaders(200, json ? 0 : size);
        OutputStream body = exchange.getResponseBody();
        if (json) {
            body.write("{\"status\":\"success\",\"data\":{\"snapshot\":\"".getBytes(StandardCharsets.US_ASCII));
            byte[] rest = base64Rows(connection, snapshotId, body);
            body.write(Base64.getEncoder().encode(rest));
            body.write("\"}}".getBytes(StandardCharsets.US_ASCII));
        } else {
            rows(connection, snapshotId, body);
        }
        body.close();
    }

    /** Writes the base64 of the rows' bytes, block by block; returns the last bytes, fewer than three, to encode. */
    private static byte[] base64Rows(Connection connection, long snapshotId, OutputStream out) throws Exception {
        byte[] carry = new byte[0];
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT data FROM ts3_snapshot_chunk WHERE snapshot_id = ? ORDER BY seq")) {
            read.setLong(1, snapshotId);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    byte[] row = rows.getBytes(1);
                    byte[] data = carry.length == 0 ? row : concat(carry, row);
                    int whole = data.length / 3 * 3;
                    out.write(Base64.getEncoder().encode(whole == data.length ? data : Arrays.copyOf(data, whole)));
                    carry = Arrays.copyOfRange(data, whole, data.length);
                }
            }
        }
        return carry;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void rows(Connection connection, long snapshotId, OutputStream out) throws Exception {
        byte[] buffer = new byte[64 * 1024];
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT data FROM ts3_snapshot_chunk WHERE snapshot_id = ? ORDER BY seq")) {
            read.setLong(1, snapshotId);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    try (InputStream data = rows.getBinaryStream(1)) {
                        for (int n; (n = data.read(buffer)) > 0; ) {
                            out.write(buffer, 0, n);
                        }
                    }
                }
            }
        }
    }
}
