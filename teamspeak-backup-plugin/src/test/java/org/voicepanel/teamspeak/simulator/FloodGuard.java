package org.voicepanel.teamspeak.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Counts one connection's commands in a sliding window, like TeamSpeak's query flood protection
 * (docs/teamspeak.md 1.5). Refused commands are not counted, so a client that waits as told gets through again.
 * Not thread-safe; owned by one connection.
 */
final class FloodGuard {

    private final Deque<Long> acceptedAtNanos = new ArrayDeque<>();

    /** Empty if the command may run now, else the 524 status telling the client how long to wait. */
    Optional<QueryStatus> admit(Optional<SimulatorKnobs.FloodLimit> limit) {
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        long window = limit.get().window().toNanos();
        while (!acceptedAtNanos.isEmpty() && now - acceptedAtNanos.peekFirst() >= window) {
            acceptedAtNanos.removeFirst();
        }
        if (acceptedAtNanos.size() >= limit.get().commands()) {
            long waitNanos = window - (now - acceptedAtNanos.peekFirst());
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            return Optional.of(QueryStatus.flooding(seconds));
        }
        acceptedAtNanos.addLast(now);
        return Optional.empty();
    }
}
