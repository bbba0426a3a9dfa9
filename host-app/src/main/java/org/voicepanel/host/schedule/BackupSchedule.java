package org.voicepanel.host.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.Set;

/**
 * When a service is backed up by itself: every N hours (on the hours of the zone's day that N divides), daily at a
 * time, or weekly on a day at a time, in an IANA time zone; or off. Immutable.
 */
public record BackupSchedule(boolean enabled, ZoneId zone, Integer everyHours, LocalTime dailyAt, DayOfWeek weeklyOn,
                             Retention retention) {

    static final Set<Integer> HOURLY_STEPS = Set.of(1, 2, 3, 4, 6, 8, 12);

    public static BackupSchedule off() {
        return new BackupSchedule(false, ZoneId.of("UTC"), null, null, null, Retention.DEFAULT);
    }

    /** The shortest time between two due times, for the operator's minimum interval. */
    int intervalHours() {
        return everyHours != null ? everyHours : weeklyOn != null ? 7 * 24 : 24;
    }

    /**
     * The due time a run started at {@code now} stands for: {@code planned}, or, when later due times have passed
     * since (the panel was down, the run waited), the latest of them, so that missed due times collapse into one.
     */
    public Instant latestDue(Instant planned, Instant now) {
        Instant due = planned;
        for (Optional<Instant> next = nextDueAfter(due); next.isPresent() && !next.get().isAfter(now);
             next = nextDueAfter(due)) {
            due = next.get();
        }
        return due;
    }

    /** The first due time strictly after {@code after}; empty when off. */
    public Optional<Instant> nextDueAfter(Instant after) {
        if (!enabled) {
            return Optional.empty();
        }
        ZonedDateTime now = after.atZone(zone);
        if (everyHours != null) {
            ZonedDateTime candidate = now.truncatedTo(ChronoUnit.HOURS);
            while (!candidate.toInstant().isAfter(after) || candidate.getHour() % everyHours != 0) {
                candidate = candidate.plusHours(1);
            }
            return Optional.of(candidate.toInstant());
        }
        ZonedDateTime candidate = now.toLocalDate().atTime(dailyAt).atZone(zone);
        if (weeklyOn != null) {
            candidate = candidate.with(TemporalAdjusters.nextOrSame(weeklyOn));
            while (!candidate.toInstant().isAfter(after)) {
                candidate = candidate.plusWeeks(1).with(dailyAt);
            }
        } else {
            while (!candidate.toInstant().isAfter(after)) {
                candidate = candidate.plusDays(1).with(dailyAt);
            }
        }
        return Optional.of(candidate.toInstant());
    }
}
