package org.voicepanel.host.backup.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A voice server's status as the cache answers it.
 *
 * @param status what the voice server said, slots and port included; empty when it could not be
 *        asked at {@code readAt}, was never asked, or a change made the last answer stale
 * @param readAt when the voice server was last asked; null when never, or stale
 * @param age how long ago that was; null with {@code readAt}
 * @param refreshing whether a fresh read is under way (asking again shortly may tell more)
 */
public record CachedStatus(Optional<Known> status, Instant readAt, Duration age, boolean refreshing) {

    /** The voice server's own words. */
    public record Known(String status, int slots, int port) {
    }

    static CachedStatus of(StatusRow row, boolean refreshing) {
        if (!row.usable()) {
            return new CachedStatus(Optional.empty(), null, null, refreshing || row.claimed());
        }
        Optional<Known> known = row.status() == null ? Optional.empty()
                : Optional.of(new Known(row.status(), row.slots(), row.port()));
        return new CachedStatus(known, row.readAt(), row.age(), refreshing || row.claimed());
    }

    static CachedStatus unknown(boolean refreshing) {
        return new CachedStatus(Optional.empty(), null, null, refreshing);
    }
}
