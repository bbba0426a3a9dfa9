package org.voicepanel.teamspeak.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare TCP client for checking the simulator's framing byte by byte: it sends exactly the bytes given and reads
 * lines ending in {@code \n\r}. Not thread-safe.
 */
final class RawQueryClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawQueryClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects with a 5 s read timeout, so a missing reply fails the test instead of hanging it. */
    static RawQueryClient connect(ServerQuerySimulator simulator) {
        return connect(simulator.port());
    }

    static RawQueryClient connect(int port) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5_000);
            return new RawQueryClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and reads past the greeting. */
    static RawQueryClient connectPastGreeting(ServerQuerySimulator simulator) {
        return connectPastGreeting(simulator.port());
    }

    static RawQueryClient connectPastGreeting(int port) {
        RawQueryClient client = connect(port);
        client.readLine();
        client.readLine();
        return client;
    }

    byte[] readBytes(int count) {
        try {
            return in.readNBytes(count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if the server neither sends a byte nor closes the connection for this long. */
    boolean staysSilentFor(Duration duration) {
        try {
            int timeout = socket.getSoTimeout();
            socket.setSoTimeout((int) duration.toMillis());
            try {
                in.read();
                return false;
            } catch (SocketTimeoutException e) {
                return true;
            } finally {
                socket.setSoTimeout(timeout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the text as UTF-8, terminator included by the caller. */
    void sendRaw(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a command the way ts3-api does on Linux: the line and {@code \n}. */
    void send(String command) {
        sendRaw(command + "\n");
    }

    /** One line without its {@code \n\r}; {@code null} at end of stream. */
    String readLine() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                }
                if (previous == '\n' && b == '\r') {
                    byte[] bytes = line.toByteArray();
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
                }
                line.write(b);
                previous = b;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data lines and then the status line of one reply. */
    List<String> readReply() {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = readLine();
            if (line == null) {
                throw new IllegalStateException("connection closed after " + lines);
            }
            lines.add(line);
        } while (!line.startsWith("error "));
        return lines;
    }

    /** Sends a command and returns its reply lines, status last. */
    List<String> command(String command) {
        send(command);
        return readReply();
    }

    /** True once the server has closed the connection (reads end of stream). */
    boolean isClosedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
