package org.voicepanel.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.voicepanel.host.db.TestDatabase;

/**
 * The real panel: its executable jar started with {@code java -jar} as a child process, on a free
 * port, with everything it prints appended to one file. It cannot outlive the test JVM: a
 * shutdown hook ends it and what it started (the embedded MariaDB), also when a run is cut short.
 * Not thread-safe; one test class drives one instance.
 */
final class RunningPanel implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> arguments;
    private final Path output;
    private final Thread reaper = new Thread(this::kill, "panel-reaper");
    private Process process;
    private int port;

    private RunningPanel(Path output, List<String> arguments) {
        this.output = output;
        this.arguments = List.copyOf(arguments);
    }

    /** Starts the panel with {@code arguments} (Spring Boot's {@code --name=value}) and waits until it is UP. */
    static RunningPanel start(Path output, List<String> arguments) {
        RunningPanel panel = new RunningPanel(output, arguments);
        Runtime.getRuntime().addShutdownHook(panel.reaper);
        panel.launch();
        return panel;
    }

    /** Stops the panel gracefully and starts it again with the same arguments and data. */
    void restart() {
        stopGracefully();
        launch();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** Everything the panel printed so far, over all its starts. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stopGracefully();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    private void launch() {
        port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: the panel starts in about half the time, and tests do not need peak speed
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", execJar().toString(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            Files.createDirectories(output.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitUp();
    }

    private void awaitUp() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The panel exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        kill();
        throw new IllegalStateException("The panel was not UP within " + START_TIMEOUT + ":\n" + tail());
    }

    /** SIGTERM, so Spring closes the pool and stops the embedded MariaDB; force only if it hangs. */
    private void stopGracefully() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> started = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        // the MariaDB server must be gone before the next start opens the same data folder
        started.forEach(child -> child.onExit().orTimeout(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(timeout -> {
                    child.destroyForcibly();
                    return child;
                }).join());
    }

    private void kill() {
        if (process == null) {
            return;
        }
        // descendants first: once the panel is gone they are no longer known as its children
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private String tail() {
        String text = output();
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    /** Built by {@code package}; failsafe names it, an IDE run finds it in the build folder. */
    private static Path execJar() {
        String configured = System.getProperty("panel.test.exec-jar");
        if (configured != null) {
            return Path.of(configured);
        }
        try (Stream<Path> files = Files.list(TestDatabase.buildDir())) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No *-exec.jar; run mvn package first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
