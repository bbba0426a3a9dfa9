package org.voicepanel.host.backup.status;

import java.time.Duration;
import java.time.Instant;

/**
 * One service's row of {@code voice_status} as read, with its age and claim judged by the
 * database's clock (instances need no shared clock).
 *
 * @param status as the voice server named it; null when it could not be asked or never was
 * @param readAt when the voice server was last asked; null when never
 * @param age how long ago that was; null when never
 * @param expired whether a restore or a service change made the status stale
 * @param claimed whether an instance is asking the voice server right now
 * @param claimLeft how long that claim still holds; zero when none does
 */
record StatusRow(String status, int slots, int port, Instant readAt, Duration age, boolean expired,
                 boolean claimed, Duration claimLeft) {

    /** Whether an instance should ask again, unless one already does. */
    boolean due(Duration interval) {
        return readAt == null || expired || age.compareTo(interval) >= 0;
    }

    /** Whether what the row says can be shown as the voice server's status (old, perhaps, but not stale). */
    boolean usable() {
        return readAt != null && !expired;
    }
}
