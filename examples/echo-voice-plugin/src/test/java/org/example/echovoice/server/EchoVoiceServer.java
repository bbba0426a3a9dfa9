package org.example.echovoice.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An Echo Voice server: a pretend voice server whose whole content is its list of channel names, run
 * by the tests on a port of 127.0.0.1. Its admin protocol is the one {@code EchoVoiceClient} speaks,
 * one UTF-8 line per request and answer:
 *
 * <pre>
 * LOGIN password        OK | ERR text
 * INFO                  OK online max-users
 * CHANNELS              OK n, then n lines, one channel name each
 * REPLACE n, n lines    OK | ERR text   (the channel list becomes these n names)
 * </pre>
 *
 * Every command but LOGIN needs a login first on that connection. Thread-safe.
 */
public final class EchoVoiceServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String password;
    private final int maxUsers;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "echo-voice-connection");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> channels = new ArrayList<>(List.of("Lobby", "Games", "AFK"));

    private EchoVoiceServer(ServerSocket socket, String password, int maxUsers) {
        this.socket = socket;
        this.password = password;
        this.maxUsers = maxUsers;
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static EchoVoiceServer start(String password, int maxUsers) throws IOException {
        EchoVoiceServer server = new EchoVoiceServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                password, maxUsers);
        Thread acceptor = new Thread(server::accept, "echo-voice-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    /** A port nothing listens on (for a service whose server cannot be reached). */
    public static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public synchronized List<String> channels() {
        return List.copyOf(channels);
    }

    /** Adds a channel, as a user of the server could. */
    public synchronized void addChannel(String name) {
        channels.add(name);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.execute(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection;
             BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                     StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(writer(connection), true)) {
            boolean loggedIn = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("LOGIN ")) {
                    loggedIn = line.substring(6).equals(password);
                    out.println(loggedIn ? "OK" : "ERR wrong password");
                } else if (!loggedIn) {
                    out.println("ERR not logged in");
                } else if (line.equals("INFO")) {
                    out.println("OK online " + maxUsers);
                } else if (line.equals("CHANNELS")) {
                    List<String> now = channels();
                    out.println("OK " + now.size());
                    now.forEach(out::println);
                } else if (line.startsWith("REPLACE ")) {
                    int count = Integer.parseInt(line.substring(8));
                    List<String> names = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        names.add(in.readLine());
                    }
                    synchronized (this) {
                        channels.clear();
                        channels.addAll(names);
                    }
                    out.println("OK");
                } else {
                    out.println("ERR unknown command");
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent garbage: that connection ends, the server goes on
        }
    }

    private static Writer writer(Socket connection) {
        try {
            return new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
