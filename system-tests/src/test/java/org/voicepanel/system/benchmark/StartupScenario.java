package org.voicepanel.system.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.voicepanel.system.PanelProcess;

/**
 * Process start to {@code /actuator/health} UP (which waits for the plugins) with the TeamSpeak plugin, polled
 * every 20 ms; and, as the baseline, a bare JVM that connects to the same MariaDB and ends.
 */
final class StartupScenario {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    /** Starts the panel once, then stops and starts it {@code restarts} times; returns [first, restart...]. */
    List<Long> panelStarts(String name, int restarts, String... args) throws Exception {
        List<Long> starts = new ArrayList<>();
        long started = System.nanoTime();
        PanelProcess panel = PanelProcess.launch(name, args);
        try {
            awaitHealthy(panel);
            starts.add(System.nanoTime() - started);
            for (int i = 0; i < restarts; i++) {
                panel.stop();
                started = System.nanoTime();
                panel.launchAgain();
                awaitHealthy(panel);
                starts.add(System.nanoTime() - started);
            }
        } finally {
            panel.close();
        }
        return starts;
    }

    /** {@code java JdbcPing <url>}: JVM start, driver load, connect, one query, exit. */
    List<Long> jvmConnectStarts(String jdbcUrl, int times) throws Exception {
        String classPath = location(JdbcPing.class) + java.io.File.pathSeparator + location(org.mariadb.jdbc.Driver.class);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classPath, JdbcPing.class.getName(), jdbcUrl).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("the JDBC start-up baseline failed");
            }
            starts.add(System.nanoTime() - started);
        }
        return starts;
    }

    private void awaitHealthy(PanelProcess panel) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(panel.baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!panel.isAlive()) {
                throw new IllegalStateException("the panel exited at start:\n" + panel.output());
            }
            try {
                HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the panel did not become healthy:\n" + panel.output());
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
