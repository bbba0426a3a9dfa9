package org.voicepanel.host.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;

/** Each service's schedule; a service that never set one has the operator's default. Thread-safe. */
@Repository
public class ScheduleStore {

    private final Jdbi jdbi;
    private final Clock clock;
    private final BackupSchedule fallback;

    public ScheduleStore(Jdbi jdbi, Clock clock, BackupsProperties properties) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.fallback = DefaultSchedule.parse(properties.defaultSchedule());
    }

    /** The schedule in force: the service's own, else the default. */
    public BackupSchedule effective(long serviceId) {
        return own(serviceId).orElse(fallback);
    }

    Optional<BackupSchedule> own(long serviceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT enabled, time_zone, every_hours, daily_at, weekly_on,"
                        + " keep_newest, keep_daily, keep_weekly, keep_monthly FROM backup_schedule WHERE service_id = ?")
                .bind(0, serviceId)
                .map((rs, ctx) -> new BackupSchedule(rs.getBoolean(1), ZoneId.of(rs.getString(2)),
                        (Integer) rs.getObject(3),
                        rs.getString(4) == null ? null : LocalTime.parse(rs.getString(4)),
                        rs.getString(5) == null ? null : DayOfWeek.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                        new Retention(rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9))))
                .findOne());
    }

    void save(long serviceId, BackupSchedule schedule) {
        Retention retention = schedule.retention();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO backup_schedule (service_id, enabled, time_zone, every_hours,"
                        + " daily_at, weekly_on, keep_newest, keep_daily, keep_weekly, keep_monthly, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE enabled = VALUES(enabled),"
                        + " time_zone = VALUES(time_zone), every_hours = VALUES(every_hours),"
                        + " daily_at = VALUES(daily_at), weekly_on = VALUES(weekly_on),"
                        + " keep_newest = VALUES(keep_newest), keep_daily = VALUES(keep_daily),"
                        + " keep_weekly = VALUES(keep_weekly), keep_monthly = VALUES(keep_monthly),"
                        + " updated_at = VALUES(updated_at)")
                .bind(0, serviceId).bind(1, schedule.enabled()).bind(2, schedule.zone().getId())
                .bind(3, schedule.everyHours())
                .bind(4, schedule.dailyAt() == null ? null : schedule.dailyAt().toString())
                .bind(5, schedule.weeklyOn() == null ? null : schedule.weeklyOn().name().toLowerCase(Locale.ROOT))
                .bind(6, retention.keep()).bind(7, retention.daily()).bind(8, retention.weekly())
                .bind(9, retention.monthly()).bind(10, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .execute());
    }
}
