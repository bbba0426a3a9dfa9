package org.voicepanel.host.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.voicepanel.host.schedule.RetentionPolicy.Candidate;

class RetentionPolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void keepsTheNewestKAndNothingElseWithoutPeriods() {
        List<Candidate> hourly = new ArrayList<>();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 20; i++) {
            hourly.add(new Candidate(i + 1, start.plusSeconds(3600L * i)));
        }

        Set<Long> removed = RetentionPolicy.toRemove(hourly, new Retention(7, 0, 0, 0), BERLIN,
                start.plusSeconds(3600L * 19));

        assertThat(removed).hasSize(13).doesNotContain(14L, 15L, 16L, 17L, 18L, 19L, 20L);
    }

    /**
     * A year of daily runs at 03:30 Berlin time, rotated after each like the scheduler does: at every step the
     * newest 3, the newest of each of the last 7 days, 4 weeks and 6 months are there, and nothing else is.
     */
    @Test
    void grandfatherFatherSonKeepsWhatItPromisesOverAYearOfDailyRuns() {
        Retention retention = new Retention(3, 7, 4, 6);
        Map<Long, Instant> stored = new TreeMap<>();
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (long id = 1; id <= 366; id++, day = day.plusDays(1)) {
            Instant now = day.atTime(LocalTime.of(3, 30)).atZone(BERLIN).toInstant();
            stored.put(id, now);
            List<Candidate> candidates = stored.entrySet().stream()
                    .map(e -> new Candidate(e.getKey(), e.getValue())).toList();
            RetentionPolicy.toRemove(candidates, retention, BERLIN, now).forEach(stored::remove);

            assertThat(stored.keySet()).isEqualTo(promised(allUpTo(id), retention, day));
        }
        // steady state: 3 newest fall within the 7 days; 7 days + at most 4 weeks + 6 months, shared where they meet
        assertThat(stored).hasSizeBetween(7, 7 + 4 + 6);
        assertThat(stored.keySet()).contains(366L, 365L, 364L);
    }

    @Test
    void theNewestSnapshotAlwaysSurvives() {
        List<Candidate> one = List.of(new Candidate(9, Instant.parse("2020-01-01T00:00:00Z")));

        assertThat(RetentionPolicy.toRemove(one, new Retention(1, 0, 0, 0), BERLIN, Instant.now())).isEmpty();
    }

    /** Runs 1..last, one a day from 2026-01-01: what the policy promises to keep on {@code today}, computed apart. */
    private static Map<Long, LocalDate> allUpTo(long last) {
        Map<Long, LocalDate> all = new TreeMap<>();
        for (long id = 1; id <= last; id++) {
            all.put(id, LocalDate.of(2026, 1, 1).plusDays(id - 1));
        }
        return all;
    }

    private static Set<Long> promised(Map<Long, LocalDate> all, Retention retention, LocalDate today) {
        Set<Long> kept = new HashSet<>();
        List<Long> newestFirst = all.keySet().stream().sorted((a, b) -> Long.compare(b, a)).toList();
        newestFirst.stream().limit(retention.keep()).forEach(kept::add);
        newestFirst.stream().filter(id -> !all.get(id).isBefore(today.minusDays(retention.daily() - 1)))
                .forEach(kept::add);
        newestOfEach(all, newestFirst, date -> date.get(IsoFields.WEEK_BASED_YEAR) * 100
                + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), retention.weekly(), kept);
        newestOfEach(all, newestFirst, date -> YearMonth.from(date).getYear() * 100
                + YearMonth.from(date).getMonthValue(), retention.monthly(), kept);
        return kept;
    }

    private static void newestOfEach(Map<Long, LocalDate> all, List<Long> newestFirst,
                                     java.util.function.Function<LocalDate, Integer> period, int periods,
                                     Set<Long> kept) {
        List<Integer> lastPeriods = newestFirst.stream().map(id -> period.apply(all.get(id))).distinct()
                .limit(periods).toList();
        Map<Integer, Long> newest = new TreeMap<>();
        newestFirst.forEach(id -> newest.putIfAbsent(period.apply(all.get(id)), id));
        kept.addAll(newest.entrySet().stream().filter(e -> lastPeriods.contains(e.getKey()))
                .map(Map.Entry::getValue).collect(Collectors.toSet()));
    }
}
