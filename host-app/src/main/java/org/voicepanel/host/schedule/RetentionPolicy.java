package org.voicepanel.host.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which scheduled snapshots rotation removes. Periods are calendar days, weeks (Monday to Sunday) and
 * months of the schedule's zone, counted back from now, the current one included: {@code daily = 7} keeps the
 * newest snapshot of today and of each of the six days before. Pure; thread-safe.
 */
public final class RetentionPolicy {

    /** A scheduled snapshot rotation may remove (pinned ones are never offered). */
    public record Candidate(long snapshotId, Instant createdAt) {
    }

    private RetentionPolicy() {
    }

    /** The ids of the candidates that neither the newest {@code keep} nor a daily, weekly or monthly slot keeps. */
    public static Set<Long> toRemove(List<Candidate> candidates, Retention retention, ZoneId zone, Instant now) {
        List<Candidate> newestFirst = candidates.stream()
                .sorted(Comparator.comparing(Candidate::createdAt).thenComparing(Candidate::snapshotId).reversed())
                .toList();
        Set<Long> kept = new HashSet<>();
        newestFirst.stream().limit(retention.keep()).forEach(c -> kept.add(c.snapshotId()));
        LocalDate today = now.atZone(zone).toLocalDate();
        keepNewestPer(newestFirst, zone, date -> date, today.minusDays(retention.daily()), kept, retention.daily());
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        keepNewestPer(newestFirst, zone, date -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                thisWeek.minusWeeks(retention.weekly()), kept, retention.weekly());
        keepNewestPer(newestFirst, zone, YearMonth::from, YearMonth.from(today).minusMonths(retention.monthly()), kept,
                retention.monthly());
        Set<Long> removed = new HashSet<>();
        newestFirst.stream().map(Candidate::snapshotId).filter(id -> !kept.contains(id)).forEach(removed::add);
        return removed;
    }

    /** Keeps the newest candidate of each period after {@code before} (exclusive), at most {@code periods} of them. */
    private static <P extends Comparable<? super P>> void keepNewestPer(List<Candidate> newestFirst, ZoneId zone,
            Function<LocalDate, P> periodOf, P before, Set<Long> kept, int periods) {
        if (periods == 0) {
            return;
        }
        Map<P, Long> newestOfPeriod = new LinkedHashMap<>();
        for (Candidate candidate : newestFirst) {
            P period = periodOf.apply(candidate.createdAt().atZone(zone).toLocalDate());
            if (period.compareTo(before) > 0) {
                newestOfPeriod.putIfAbsent(period, candidate.snapshotId());
            }
        }
        kept.addAll(newestOfPeriod.values());
    }
}
