package org.voicepanel.host.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BackupScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void everySixHoursFallsOnTheZonesQuarterDays() {
        BackupSchedule schedule = new BackupSchedule(true, BERLIN, 6, null, null, Retention.DEFAULT);

        // 10:15 UTC is 11:15 in Berlin in winter: the next is 12:00 Berlin, 11:00 UTC
        assertThat(schedule.nextDueAfter(Instant.parse("2026-01-10T10:15:00Z")))
                .contains(Instant.parse("2026-01-10T11:00:00Z"));
        // exactly on a due time: the next one
        assertThat(schedule.nextDueAfter(Instant.parse("2026-01-10T11:00:00Z")))
                .contains(Instant.parse("2026-01-10T17:00:00Z"));
    }

    @Test
    void dailyKeepsItsLocalTimeAcrossTheSummerTimeChange() {
        BackupSchedule schedule = new BackupSchedule(true, BERLIN, null, LocalTime.of(3, 30), null, Retention.DEFAULT);

        assertThat(schedule.nextDueAfter(Instant.parse("2026-03-28T12:00:00Z")))
                .contains(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(schedule.nextDueAfter(Instant.parse("2026-03-29T01:30:00Z")))
                .contains(Instant.parse("2026-03-30T01:30:00Z"));
    }

    @Test
    void weeklyRunsOnTheGivenWeekday() {
        BackupSchedule schedule = new BackupSchedule(true, ZoneId.of("UTC"), null, LocalTime.of(3, 30),
                DayOfWeek.MONDAY, Retention.DEFAULT);

        // 2026-12-01 is a Tuesday
        assertThat(schedule.nextDueAfter(Instant.parse("2026-12-01T00:00:00Z")))
                .contains(Instant.parse("2026-12-07T03:30:00Z"));
        assertThat(schedule.nextDueAfter(Instant.parse("2026-12-07T03:30:00Z")))
                .contains(Instant.parse("2026-12-14T03:30:00Z"));
    }

    @Test
    void aRunAfterMissedDueTimesStandsForTheLatestOfThem() {
        BackupSchedule hourly = new BackupSchedule(true, BERLIN, 1, null, null, Retention.DEFAULT);
        Instant planned = Instant.parse("2026-05-01T10:00:00Z");

        assertThat(hourly.latestDue(planned, Instant.parse("2026-05-01T10:02:00Z"))).isEqualTo(planned);
        assertThat(hourly.latestDue(planned, Instant.parse("2026-05-01T13:02:00Z")))
                .isEqualTo(Instant.parse("2026-05-01T13:00:00Z"));
    }

    @Test
    void offHasNoDueTime() {
        assertThat(BackupSchedule.off().nextDueAfter(Instant.now())).isEmpty();
    }

    @Test
    void jitterIsTheSameForAServiceAndStaysWithinAQuarterOfTheInterval() {
        BackupSchedule hourly = new BackupSchedule(true, BERLIN, 1, null, null, Retention.DEFAULT);
        Duration window = Duration.ofMinutes(30);

        for (long service = 1; service < 500; service++) {
            Duration offset = NextRun.offset(service, hourly, window);
            assertThat(offset).isEqualTo(NextRun.offset(service, hourly, window))
                    .isLessThan(Duration.ofMinutes(15)).isGreaterThanOrEqualTo(Duration.ZERO);
        }
        assertThat(NextRun.offset(1, hourly, window)).isNotEqualTo(NextRun.offset(2, hourly, window));
    }

    @Test
    void defaultScheduleSpellings() {
        assertThat(DefaultSchedule.parse("off").enabled()).isFalse();
        assertThat(DefaultSchedule.parse("every 6h").everyHours()).isEqualTo(6);
        assertThat(DefaultSchedule.parse("daily 03:30").dailyAt()).isEqualTo(LocalTime.of(3, 30));
        assertThat(DefaultSchedule.parse("weekly monday 03:30").weeklyOn()).isEqualTo(DayOfWeek.MONDAY);
    }
}
