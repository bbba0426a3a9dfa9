package org.voicepanel.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.voicepanel.system.PanelApi.Answer;

/**
 * HTTP/1.1 written byte for byte on a socket, as a careless or hostile client sends it: a request
 * head the JDK client would refuse, a body that keeps coming after the answer, or one that
 * trickles. The body is written on a thread of its own while the answer is read, so an answer
 * given before the body was read is seen, and how much of the body got out is counted.
 */
public final class RawHttp {

    /** An answer, its headers (names in lower case), how much of the body was sent, and how the connection ended. */
    public record Reply(int status, Map<String, String> headers, byte[] body, long bodyBytesSent, boolean closed) {

        public Answer answer() {
            return new Answer(status, body, null);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + new String(body, StandardCharsets.UTF_8) + " (body bytes sent: " + bodyBytesSent + ")";
        }
    }

    private final URI base;

    public RawHttp(String baseUrl) {
        this.base = URI.create(baseUrl);
    }

    /** A request without a body. */
    public Reply send(String method, String pathAndQuery, String... headers) throws IOException {
        return send(method, pathAndQuery, null, -1, headers);
    }

    /**
     * A request; {@code declaredLength} is sent as Content-Length when not negative, else the body
     * goes chunked. The answer is read to the end of the connection ({@code Connection: close}).
     */
    public Reply send(String method, String pathAndQuery, InputStream body, long declaredLength, String... headers)
            throws IOException {
        StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost()
                + ":" + base.getPort() + "\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            head.append(declaredLength >= 0 ? "Content-Length: " + declaredLength : "Transfer-Encoding: chunked")
                    .append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(180_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread writer = null;
            if (body != null) {
                writer = new Thread(() -> writeBody(body, declaredLength < 0, out, sent), "raw-http-body");
                writer.setDaemon(true);
                writer.start();
            }
            byte[] reply = socket.getInputStream().readAllBytes();
            if (writer != null) {
                writer.interrupt();
            }
            return parse(reply, sent.get());
        }
    }

    private static void writeBody(InputStream body, boolean chunked, OutputStream out, AtomicLong sent) {
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            for (int n; (n = body.read(buffer)) != -1 && !Thread.currentThread().isInterrupted(); ) {
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(buffer, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                sent.addAndGet(n);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the panel closed the connection: the rest of the body is not wanted
        }
    }

    private static Reply parse(byte[] reply, long sent) {
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        if (text.isEmpty()) {
            return new Reply(0, Map.of(), new byte[0], sent, true);
        }
        int at = 0;
        // an interim 100 Continue may come first
        while (text.startsWith("HTTP/1.1 1", at)) {
            at = text.indexOf("\r\n\r\n", at) + 4;
        }
        int headEnd = text.indexOf("\r\n\r\n", at);
        String[] lines = text.substring(at, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(reply, headEnd + 4, reply.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Reply(status, headers, body, sent, true);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return body.toByteArray();
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /** {@code length} zero bytes, made as they are read. */
    public static InputStream zeros(long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    /** {@code length} bytes of {@code 'a'}, one every {@code pauseMillis}: a client trickling its body. */
    public static InputStream trickle(int length, long pauseMillis) {
        return new InputStream() {
            private int left = length;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    return -1;
                }
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int c = read();
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                return 1;
            }
        };
    }
}
