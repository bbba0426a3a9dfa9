package org.voicepanel.system.galera;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP relay in front of a database node that holds every connection until it is opened: panels
 * started behind it all wait in their first connection's handshake, and {@link #open()} lets their
 * connections through at the same instant, so the panels reach the empty database together to the
 * millisecond rather than within their retry and back-off times. Then it relays bytes both ways.
 */
final class StartingGate implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final CountDownLatch opened = new CountDownLatch(1);
    private final List<Socket> sockets = new ArrayList<>();
    private volatile int held;

    StartingGate(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "starting-gate-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many connections wait at the gate. */
    int held() {
        return held;
    }

    void open() {
        opened.countDown();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                held++;
                Thread relay = new Thread(() -> relay(client), "starting-gate-relay");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try {
            opened.await();
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
            synchronized (sockets) {
                sockets.add(client);
                sockets.add(upstream);
            }
            Thread back = new Thread(() -> pipe(upstream, client), "starting-gate-back");
            back.setDaemon(true);
            back.start();
            pipe(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // one side went away; closing both ends the other direction too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        opened.countDown();
        server.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }
}
