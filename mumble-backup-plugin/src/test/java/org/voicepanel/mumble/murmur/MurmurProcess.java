package org.voicepanel.mumble.murmur;

import Murmur.MetaPrx;
import Murmur.ServerPrx;
import com.zeroc.Ice.Communicator;
import com.zeroc.Ice.InitializationData;
import com.zeroc.Ice.UserException;
import com.zeroc.Ice.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real murmurd (Debian's {@code mumble-server}) started for a test class: a fresh database in its own
 * folder, random Ice and voice ports on 127.0.0.1, a random Ice secret, and {@code kdfiterations=1000}
 * so that it is up in a fraction of a second. Tests reach its virtual server 1 with {@link #server()}
 * to set up and inspect what the plugin backs up. Close it to stop the process and delete its folder.
 */
public final class MurmurProcess implements AutoCloseable {

    public static final String MURMURD = "/usr/sbin/murmurd";

    private final Path dir;
    private final Process process;
    private final int icePort;
    private final String secret;
    private final Communicator communicator;

    private MurmurProcess(Path dir, Process process, int icePort, String secret) {
        this.dir = dir;
        this.process = process;
        this.icePort = icePort;
        this.secret = secret;
        InitializationData init = new InitializationData();
        init.properties = Util.createProperties();
        init.properties.setProperty("Ice.MessageSizeMax", "65536");
        init.properties.setProperty("Ice.RetryIntervals", "-1");
        init.classLoader = MurmurProcess.class.getClassLoader();
        this.communicator = Util.initialize(init);
    }

    /** Starts murmurd in a new folder under {@code parent}, waiting until its Ice port answers. */
    public static MurmurProcess start(Path parent) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(parent), "murmur-");
            int icePort = freePort();
            int voicePort = freePort();
            String secret = "ice-" + UUID.randomUUID();
            Path ini = dir.resolve("murmur.ini");
            StringBuilder config = new StringBuilder()
                    .append("database=").append(dir.resolve("murmur.sqlite")).append('\n')
                    .append("ice=\"tcp -h 127.0.0.1 -p ").append(icePort).append("\"\n")
                    .append("icesecretread=").append(secret).append('\n')
                    .append("icesecretwrite=").append(secret).append('\n')
                    .append("host=127.0.0.1\n")
                    .append("port=").append(voicePort).append('\n')
                    .append("kdfiterations=1000\n")
                    // write-ahead log without a sync per commit: a test server need not survive a power cut
                    .append("sqlite_wal=1\n")
                    .append("logfile=").append(dir.resolve("murmur.log")).append('\n')
                    .append("pidfile=").append(dir.resolve("murmur.pid")).append('\n')
                    .append("users=100\n")
                    .append("welcometext=\"Welcome to a test server\"\n");
            if ("root".equals(System.getProperty("user.name"))) {
                // murmurd drops to user mumble-server otherwise, who cannot write this folder
                config.append("uname=root\n");
            }
            Files.writeString(ini, config, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(MURMURD, "-fg", "-ini", ini.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("murmurd.out").toFile())
                    .start();
            // a test JVM that dies without closing it leaves no murmurd behind
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            MurmurProcess murmur = new MurmurProcess(dir, process, icePort, secret);
            murmur.awaitIce();
            return murmur;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int icePort() {
        return icePort;
    }

    public String secret() {
        return secret;
    }

    /** Virtual server 1, with the secret, for the test to set up and inspect. */
    public ServerPrx server() {
        return server(1);
    }

    public ServerPrx server(int id) {
        Map<String, String> context = Map.of("secret", secret);
        try {
            return meta().getServer(id).ice_context(context).ice_invocationTimeout(60_000);
        } catch (UserException e) {
            throw new IllegalStateException("murmurd refused its own secret", e);
        }
    }

    /** A new virtual server of this murmurd, on a voice port of its own, started. */
    public ServerPrx newServer() {
        try {
            ServerPrx created = meta().newServer().ice_context(Map.of("secret", secret));
            ServerPrx server = server(created.id());
            server.setConf("port", Integer.toString(freePort()));
            server.start();
            return server;
        } catch (UserException e) {
            throw new IllegalStateException("murmurd refused a new virtual server", e);
        }
    }

    public MetaPrx meta() {
        return MetaPrx.uncheckedCast(communicator.stringToProxy("Meta:tcp -h 127.0.0.1 -p " + icePort + " -t 5000"))
                .ice_context(Map.of("secret", secret)).ice_invocationTimeout(60_000);
    }

    private void awaitIce() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("murmurd exited with " + process.exitValue() + ": " + output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", icePort), 200);
                server().isRunning();
                return;
            } catch (IOException | RuntimeException | UserException e) {
                pause();
            }
        }
        throw new IllegalStateException("murmurd did not open its Ice port in 30 s: " + output());
    }

    private String output() {
        try {
            return Files.readString(dir.resolve("murmurd.out")) + Files.readString(dir.resolve("murmur.log"));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port nothing listens on at the moment. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        communicator.destroy();
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
