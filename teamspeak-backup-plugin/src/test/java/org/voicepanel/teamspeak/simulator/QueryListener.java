package org.voicepanel.teamspeak.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Accepts query connections on 127.0.0.1 and gives each one a daemon thread. {@link #close()} stops accepting,
 * drops every connection and waits for all threads to end, so tests leave no threads behind. Thread-safe.
 */
final class QueryListener implements AutoCloseable {

    private static final long JOIN_MILLIS = 5_000;

    private final ServerSocket serverSocket;
    private final BiFunction<Socket, Integer, QueryConnection> connections;
    private final Map<QueryConnection, Thread> open = new ConcurrentHashMap<>();
    private final AtomicInteger nextClientId = new AtomicInteger(1);
    private final Thread acceptThread;
    private volatile boolean closed;

    QueryListener(int port, BiFunction<Socket, Integer, QueryConnection> connections) {
        try {
            this.serverSocket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        this.connections = connections;
        this.acceptThread = new Thread(this::acceptLoop, "serverquery-simulator-" + port() + "-accept");
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                serve(serverSocket.accept());
            } catch (SocketException e) {
                return; // the server socket was closed
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        int clientId = nextClientId.getAndIncrement();
        QueryConnection connection = connections.apply(socket, clientId);
        Thread thread = new Thread(() -> {
            try {
                connection.run();
            } finally {
                open.remove(connection);
            }
        }, "serverquery-simulator-" + port() + "-client-" + clientId);
        thread.setDaemon(true);
        open.put(connection, thread);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            // closing anyway
        }
        join(acceptThread);
        List<Map.Entry<QueryConnection, Thread>> remaining = List.copyOf(open.entrySet());
        for (Map.Entry<QueryConnection, Thread> entry : remaining) {
            entry.getKey().close();
            entry.getValue().interrupt();
        }
        remaining.forEach(entry -> join(entry.getValue()));
    }

    private static void join(Thread thread) {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
