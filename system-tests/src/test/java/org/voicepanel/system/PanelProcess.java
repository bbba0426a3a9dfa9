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
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The real panel: the host's executable jar run as its own process, with the real TeamSpeak and
 * Mumble plugin jars in a plugins folder of its own and its data (embedded MariaDB) in a folder the test
 * owns, so a test can stop it, kill it, and start it again on the same data.
 */
public final class PanelProcess implements AutoCloseable {

    public static final String ADMIN_TOKEN = "system-test-admin-token-0123456789";

    private final Path home;
    private final List<String> jvmArgs;
    private final List<String> extraArgs;
    private final int port;
    private final List<ProcessHandle> orphans = new ArrayList<>();
    private Process process;
    private int starts;
    private String adminToken = ADMIN_TOKEN;

    private PanelProcess(Path home, List<String> jvmArgs, List<String> extraArgs, int port) {
        this.home = home;
        this.jvmArgs = jvmArgs;
        this.extraArgs = extraArgs;
        this.port = port;
    }

    /** Starts a panel with the TeamSpeak and Mumble plugins under a new folder in the module's build dir. */
    public static PanelProcess start(String name, String... extraArgs) throws IOException {
        return create(name, List.of(), List.of(extraArgs)).started();
    }

    /** The same, with options for the panel's JVM (such as {@code -Xmx128m}) before {@code -jar}. */
    public static PanelProcess start(String name, List<String> jvmArgs, String... extraArgs) throws IOException {
        return create(name, jvmArgs, List.of(extraArgs)).started();
    }

    /** Starts a panel without waiting for it to become healthy: for a start that may wait or fail. */
    public static PanelProcess launch(String name, String... extraArgs) throws IOException {
        PanelProcess panel = create(name, List.of(), List.of(extraArgs));
        panel.launchAgain();
        return panel;
    }

    /**
     * A panel not yet started, so a test can lay out its data folder ({@code home()/data}) first; then
     * {@link #startAgain()}.
     */
    public static PanelProcess prepare(String name, String... extraArgs) throws IOException {
        return create(name, List.of(), List.of(extraArgs));
    }

    private static PanelProcess create(String name, List<String> jvmArgs, List<String> extraArgs) throws IOException {
        Path home = Files.createDirectories(buildDir().resolve("panels").resolve(name + "-" + System.nanoTime()));
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(Path.of(System.getProperty("panel.plugin.jar")), plugins.resolve("teamspeak-backup-plugin.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(System.getProperty("panel.mumble.plugin.jar")), plugins.resolve("mumble-backup-plugin.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        return new PanelProcess(home, List.copyOf(jvmArgs), List.copyOf(extraArgs), freePort());
    }

    private PanelProcess started() throws IOException {
        startAgain();
        return this;
    }

    /** Starts the process (again) on the same data and port, and waits until it is healthy. */
    public void startAgain() throws IOException {
        launchAgain();
        awaitHealthy(Duration.ofSeconds(120));
    }

    /** Starts the process (again) on the same data and port, without waiting. */
    public void launchAgain() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:SharedArchiveFile=" + System.getProperty("panel.host.cds"));
        command.addAll(jvmArgs);
        command.addAll(List.of(
                "-jar", System.getProperty("panel.host.jar"),
                "--server.port=" + port,
                "--panel.data-dir=" + home.resolve("data"),
                "--panel.plugins-dir=" + home.resolve("plugins"),
                "--panel.admin-token=" + adminToken));
        if (extraArgs.stream().noneMatch(arg -> arg.startsWith("--panel.backups.cooldown-creates="))) {
            // the suites create many snapshots in a row; the cooldown has tests of its own
            command.add("--panel.backups.cooldown-creates=0");
        }
        if (extraArgs.stream().noneMatch(arg -> arg.startsWith("--panel.rate-limit."))) {
            // suites and the benchmark make more calls per user than an hour's default budget
            command.addAll(List.of("--panel.rate-limit.requests-per-hour=100000000",
                    "--panel.rate-limit.admin-requests-per-hour=100000000"));
        }
        command.addAll(extraArgs);
        starts++;
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    /** The {@code panel.admin-token} of the next start, as an operator changes it. */
    public void adminToken(String token) {
        this.adminToken = token;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code once the process has ended within {@code timeout}; empty while it still runs. */
    public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return OptionalInt.of(process.exitValue());
        }
        return OptionalInt.empty();
    }

    /** The processes the panel started itself (the embedded MariaDB) and that still run. */
    public List<ProcessHandle> children() {
        return process == null ? List.of() : process.descendants().filter(ProcessHandle::isAlive).toList();
    }

    /** The panel JVM's process id, e.g. to read its memory from {@code /proc}. */
    public long pid() {
        return process.pid();
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
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * Kills the process at once (SIGKILL): no shutdown hooks, no cleanup. Like a real crash it kills
     * the JVM only; what the panel had started (the embedded MariaDB) is left running, and is
     * remembered so that {@link #close()} can end it should the panel not take care of it.
     */
    public void kill() throws InterruptedException {
        if (process != null) {
            orphans.addAll(children());
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        for (ProcessHandle orphan : orphans) {
            if (orphan.isAlive()) {
                orphan.destroyForcibly();
                orphan.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
            }
        }
    }

    /** Waits until {@code /actuator/health} answers UP; fails when the process exits or time runs out. */
    public void awaitHealthy(Duration timeout) throws IOException {
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
