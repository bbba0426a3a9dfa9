package org.voicepanel.host.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket the driver gets for the embedded MariaDB: whole buffers both ways, and a read timeout. */
class UnixSocketTest {

    @TempDir
    Path dir;

    @Test
    void largeWritesAndReadsArriveWhole() throws Exception {
        Path path = dir.resolve("echo.sock");
        byte[] data = new byte[8 * 1024 * 1024];
        new Random(5).nextBytes(data);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
                try (SocketChannel peer = server.accept()) {
                    InputStream in = Channels.newInputStream(peer);
                    Channels.newOutputStream(peer).write(in.readNBytes(data.length));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (UnixSocket socket = UnixSocket.connect(path)) {
                CompletableFuture<byte[]> back = CompletableFuture.supplyAsync(() -> {
                    try {
                        return socket.getInputStream().readNBytes(data.length);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                socket.getOutputStream().write(data);

                assertThat(back.get()).isEqualTo(data);
                echo.get();
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void aReadWaitsNoLongerThanTheTimeout() throws Exception {
        Path path = dir.resolve("silent.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            try (UnixSocket socket = UnixSocket.connect(path); SocketChannel peer = server.accept()) {
                socket.setSoTimeout(200);

                assertThatThrownBy(() -> socket.getInputStream().read(new byte[16]))
                        .isInstanceOf(SocketTimeoutException.class).hasMessageContaining("200 ms");
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    @Test
    void aMissingSocketIsAnIoErrorNamingIt() {
        assertThatThrownBy(() -> UnixSocket.connect(dir.resolve("none.sock")))
                .isInstanceOf(IOException.class).hasMessageContaining("none.sock");
    }
}
