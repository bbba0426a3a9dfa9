package org.voicepanel.teamspeak.query;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Looks for a ServerQuery greeting before ts3-api connects. ts3-api 1.2.0 opens its socket with no
 * connect timeout (the operating system's, about two minutes) and then waits for the greeting for the
 * whole {@code commandTimeout}; a dropped SYN or a silent port would hold a request that long. This
 * probe fails within the connect timeout instead, sends nothing, and closes its connection.
 */
final class GreetingProbe {

    private static final int LONGEST_FIRST_LINE = 64;

    private GreetingProbe() {
    }

    static void check(String host, int port, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeoutMillis);
            InputStream in = socket.getInputStream();
            StringBuilder firstLine = new StringBuilder();
            while (firstLine.length() < LONGEST_FIRST_LINE) {
                socket.setSoTimeout(remaining(deadline));
                int b = in.read();
                if (b < 0 || b == '\n') {
                    break;
                }
                firstLine.append((char) b);
            }
            String line = firstLine.toString().trim();
            // TeaSpeak greets with its own name (docs/teamspeak.md 1.1)
            if (!line.startsWith("TS3") && !line.startsWith("TeaSpeak")) {
                throw new NotServerQueryException();
            }
        }
    }

    private static int remaining(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("no greeting in time");
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }
}
