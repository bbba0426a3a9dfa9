package org.voicepanel.host.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A service's next run: its due time, and when it starts: the due time plus the service's own offset within the
 * jitter window, so runs due at the same time are spread out, the same way on every panel instance.
 */
record NextRun(Instant dueAt, Instant startsAt) {

    static Optional<NextRun> after(Instant now, long serviceId, BackupSchedule schedule, Duration jitter) {
        return schedule.nextDueAfter(now).map(due -> new NextRun(due, due.plus(offset(serviceId, schedule, jitter))));
    }

    /** A fixed fraction of the window per service; never more than a quarter of the schedule's interval. */
    static Duration offset(long serviceId, BackupSchedule schedule, Duration jitter) {
        long window = Math.min(jitter.toMillis(), Duration.ofHours(schedule.intervalHours()).toMillis() / 4);
        if (window <= 0) {
            return Duration.ZERO;
        }
        long mixed = serviceId * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        return Duration.ofMillis(Math.floorMod(mixed, window));
    }
}
