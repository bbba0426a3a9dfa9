package org.voicepanel.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The real panel: the host's executable jar run as its own process, with the real TeamSpeak
 * plugin jar in a plugins folder of its own and its data (embedded MariaDB) in a folder the test
 * owns, so a test can stop it, kill it, and start it again on the same data.
 */
public final class PanelProcess implements AutoCloseable {

    public static final String ADMIN_TOKEN = "system-test-admin-token-0123456789";

    private final Path home;
    private final List<String> extraArgs;
    private final int port;
    private Process process;
    private int starts;

    private PanelProcess(Path home, List<String> extraArgs, int port) {
        this.home = home;
        this.extraArgs = extraArgs;
        this.port = port;
    }

    /** Starts a panel with the TeamSpeak plugin under a new folder in the module's build dir. */
    public static PanelProcess start(String name, String... extraArgs) throws IOException {
        Path home = Files.createDirectories(buildDir().resolve("panels").resolve(name + "-" + System.nanoTime()));
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(Path.of(System.getProperty("panel.plugin.jar")), plugins.resolve("teamspeak-backup-plugin.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        PanelProcess panel = new PanelProcess(home, List.of(extraArgs), freePort());
        panel.startAgain();
        return panel;
    }

    /** Starts the process (again) on the same data and port, and waits until it is healthy. */
    public void startAgain() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("panel.host.jar"),
                "--server.port=" + port,
                "--panel.data-dir=" + home.resolve("data"),
                "--panel.plugins-dir=" + home.resolve("plugins"),
                "--panel.admin-token=" + ADMIN_TOKEN));
        command.addAll(extraArgs);
        starts++;
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        awaitHealthy(Duration.ofSeconds(120));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return home.resolve("panel.log");
    }

    public Path home() {
        return home;
    }

    /** Everything the process printed so far, over all its starts. */
    public String output() throws IOException {
        return Files.readString(log());
    }

    /** Stops the process as an operator would (SIGTERM), waiting for it to end. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Kills the process at once (SIGKILL): no shutdown hooks, no cleanup. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void awaitHealthy(Duration timeout) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The panel exited at start (" + process.exitValue() + "):\n" + output());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IllegalStateException("The panel did not become healthy in " + timeout + ":\n" + output());
    }

    static Path buildDir() {
        return Path.of(System.getProperty("panel.build.dir", "target"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
