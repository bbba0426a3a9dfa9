package org.voicepanel.host.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB server of an earlier panel process that was killed (SIGKILL, the OOM killer):
 * a killed JVM runs no shutdown hook, so its server goes on running and keeps the data folder
 * locked, and a new server on that folder would fail to start. Such a server is found by its pid
 * file, checked to be a server of this very folder, and shut down cleanly (what it had committed
 * stays, what it had not is rolled back) before the new one starts.
 */
final class LeftoverMariaDb {

    private static final Logger log = LoggerFactory.getLogger(LeftoverMariaDb.class);
    private static final Duration CLEAN_SHUTDOWN = Duration.ofSeconds(60);

    private LeftoverMariaDb() {
    }

    /** Stops the server named by {@code pidFile} if it still runs on {@code dataDir}. */
    static void stopIfRunning(Path pidFile, Path dataDir) {
        Optional<ProcessHandle> leftover = pidIn(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(server -> servesFolder(server, dataDir));
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle server = leftover.get();
        log.warn("A MariaDB server (pid {}) left running by an earlier panel process still uses {}; "
                + "shutting it down before the panel starts its own.", server.pid(), dataDir);
        server.destroy();
        if (!awaitExit(server, CLEAN_SHUTDOWN)) {
            log.warn("The leftover MariaDB server (pid {}) did not shut down in {}; killing it.", server.pid(),
                    CLEAN_SHUTDOWN);
            server.destroyForcibly();
            awaitExit(server, CLEAN_SHUTDOWN);
        }
    }

    private static Optional<Long> pidIn(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // no server was left running, or it wrote no pid yet
        }
    }

    /** Guards against a reused pid: only a server started with this very data folder is stopped. */
    private static boolean servesFolder(ProcessHandle process, Path dataDir) {
        List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
        return arguments.stream().anyMatch(argument -> argument.startsWith("--datadir=")
                && sameFolder(Path.of(argument.substring("--datadir=".length())), dataDir));
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
