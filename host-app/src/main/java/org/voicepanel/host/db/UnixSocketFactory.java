package org.voicepanel.host.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.util.ConfigurableSocketFactory;

/**
 * The driver's connections to the embedded MariaDB, over its unix socket through the JDK's own unix-domain
 * {@link java.nio.channels.SocketChannel} ({@code socketFactory=...&unixSocket=/path} on the JDBC URL). The driver's
 * built-in {@code localSocket} goes through JNA and copies the whole read buffer on every read: a 16 MiB blob read
 * at 5 MB/s there against 59 MB/s over TCP, which would have made every snapshot download ten times slower.
 */
public final class UnixSocketFactory extends ConfigurableSocketFactory {

    /** The URL option that names the socket file. */
    static final String OPTION = "unixSocket";

    private Path socket;

    @Override
    public void setConfiguration(Configuration configuration, String host) {
        String path = configuration.nonMappedOptions().getProperty(OPTION);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("socketFactory=" + getClass().getName() + " needs " + OPTION
                    + "=<path of the socket> on the JDBC URL");
        }
        this.socket = Path.of(path);
    }

    /** A connected socket: the driver then skips its own connect to a host and port. */
    @Override
    public Socket createSocket() throws IOException {
        return UnixSocket.connect(socket);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket();
    }
}
