package org.voicepanel.host.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/**
 * A {@link Socket} over a unix-domain {@link SocketChannel}, as the MariaDB driver uses a socket: streams, a read
 * timeout ({@link #setSoTimeout}, which the driver sets for {@code Connection.isValid} and {@code socketTimeout}),
 * close. TCP options mean nothing here and are ignored. One connection, used by one thread at a time.
 */
final class UnixSocket extends Socket {

    private final SocketChannel channel;
    private final Selector readable;
    private final Selector writable;
    private final InputStream in;
    private final OutputStream out;
    private volatile int timeoutMillis;

    private UnixSocket(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.readable = Selector.open();
        channel.register(readable, SelectionKey.OP_READ);
        this.writable = Selector.open();
        channel.register(writable, SelectionKey.OP_WRITE);
        this.in = new TimedInput();
        this.out = Channels.newOutputStream(new BlockingWrites());
    }

    static UnixSocket connect(Path path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(path));
            return new UnixSocket(channel);
        } catch (IOException e) {
            channel.close();
            throw new IOException("Cannot connect to the unix socket " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) {
        // connected when made
    }

    @Override
    public boolean isConnected() {
        return channel.isConnected();
    }

    @Override
    public boolean isClosed() {
        return !channel.isOpen();
    }

    @Override
    public synchronized void close() throws IOException {
        readable.close();
        writable.close();
        channel.close();
    }

    @Override
    public void setSoTimeout(int timeout) {
        this.timeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() {
        return timeoutMillis;
    }

    @Override
    public void setTcpNoDelay(boolean on) {
        // no TCP here
    }

    @Override
    public void setKeepAlive(boolean on) {
        // no TCP here
    }

    @Override
    public void setSoLinger(boolean on, int linger) {
        // no TCP here
    }

    @Override
    public void shutdownInput() throws IOException {
        channel.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public String toString() {
        return "UnixSocket[" + channel + "]";
    }

    /** Reads straight into the caller's array; waits at most the read timeout for data. */
    private final class TimedInput extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : Byte.toUnsignedInt(one[0]);
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (true) {
                int n = channel.read(buffer);
                if (n != 0) {
                    return n;
                }
                int timeout = timeoutMillis;
                try {
                    if (readable.select(timeout) == 0 && timeout > 0) {
                        throw new SocketTimeoutException("Read timed out after " + timeout + " ms");
                    }
                } catch (ClosedSelectorException e) {
                    throw new SocketException("Socket closed");
                }
                readable.selectedKeys().clear();
            }
        }
    }

    /** Writes all of each buffer, waiting while the socket's buffer is full. */
    private final class BlockingWrites implements WritableByteChannel {

        @Override
        public int write(ByteBuffer buffer) throws IOException {
            int written = 0;
            while (buffer.hasRemaining()) {
                int n = channel.write(buffer);
                written += n;
                if (n == 0) {
                    try {
                        writable.select();
                    } catch (ClosedSelectorException e) {
                        throw new SocketException("Socket closed");
                    }
                    writable.selectedKeys().clear();
                }
            }
            return written;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            UnixSocket.this.close();
        }
    }
}
