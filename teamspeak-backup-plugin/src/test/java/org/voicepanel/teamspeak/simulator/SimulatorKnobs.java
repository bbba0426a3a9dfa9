package org.voicepanel.teamspeak.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults a test can switch on, keyed by command name: a delay before answering, a forced error, a dropped
 * connection, a flood limit and revoked permissions. Set from the test thread, read by connection threads;
 * thread-safe. {@link #clear()} switches everything off.
 */
final class SimulatorKnobs {

    /** A flood limit: at most {@code commands} per {@code window}. */
    record FloodLimit(int commands, Duration window) {
    }

    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, QueryStatus> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> dropsLeft = new ConcurrentHashMap<>();
    private final Map<String, Boolean> revokedPermissions = new ConcurrentHashMap<>();
    private volatile FloodLimit floodLimit;

    void delay(String command, Duration delay) {
        delays.put(key(command), delay);
    }

    Duration delayOf(String command) {
        return delays.getOrDefault(command, Duration.ZERO);
    }

    void failWith(String command, QueryStatus status) {
        failures.put(key(command), status);
    }

    Optional<QueryStatus> failureOf(String command) {
        return Optional.ofNullable(failures.get(command));
    }

    void dropConnectionOn(String command, int times) {
        dropsLeft.put(key(command), times);
    }

    /** Whether this arrival of {@code command} drops the connection; uses up one of the remaining drops. */
    boolean takeDrop(String command) {
        boolean[] drop = {false};
        dropsLeft.computeIfPresent(command, (name, left) -> {
            drop[0] = true;
            return left == 1 ? null : left - 1;
        });
        return drop[0];
    }

    void floodLimit(int commands, Duration window) {
        floodLimit = new FloodLimit(commands, window);
    }

    Optional<FloodLimit> floodLimit() {
        return Optional.ofNullable(floodLimit);
    }

    void revokePermission(String permission) {
        revokedPermissions.put(permission, true);
    }

    boolean isRevoked(String permission) {
        return revokedPermissions.containsKey(permission);
    }

    void clear() {
        delays.clear();
        failures.clear();
        dropsLeft.clear();
        revokedPermissions.clear();
        floodLimit = null;
    }

    private static String key(String command) {
        return command.strip().toLowerCase(Locale.ROOT);
    }
}
