package org.voicepanel.host.schedule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.voicepanel.host.web.ApiException;

/**
 * The schedule's JSON (api.md): {@code {"enabled": true, "time_zone": "Europe/Berlin", "every_hours": 6}}, or
 * {@code "daily_at": "03:30"}, or {@code "weekly_on": "monday", "daily_at": "03:30"}, with an optional
 * {@code "retention": {"keep": 7, "daily": 7, "weekly": 4, "monthly": 6}}. Read strictly; written the same way.
 */
final class ScheduleBody {

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Set<String> FIELDS = Set.of("enabled", "time_zone", "every_hours", "daily_at", "weekly_on",
            "retention");
    private static final Set<String> RETENTION_FIELDS = Set.of("keep", "daily", "weekly", "monthly");

    private ScheduleBody() {
    }

    static BackupSchedule read(Map<String, Object> body, int minIntervalHours) {
        BodyFields fields = BodyFields.of(body, FIELDS);
        Boolean enabled = fields.bool("enabled");
        if (enabled == null) {
            throw ApiException.badRequest("enabled (true or false) is required.");
        }
        ZoneId zone = zone(fields.text("time_zone", 64));
        Retention retention = retention(fields.object("retention", RETENTION_FIELDS));
        Long everyHours = fields.number("every_hours", 1, 24);
        LocalTime dailyAt = time(fields.text("daily_at", 5));
        DayOfWeek weeklyOn = weekday(fields.text("weekly_on", 9));
        if (!enabled && everyHours == null && dailyAt == null) {
            return new BackupSchedule(false, zone, null, null, null, retention);
        }
        if (everyHours != null && (dailyAt != null || weeklyOn != null)) {
            throw ApiException.badRequest("Give either every_hours, or daily_at (with weekly_on for a weekly run).");
        }
        if (everyHours == null && dailyAt == null) {
            throw ApiException.badRequest("Give every_hours, or daily_at (with weekly_on for a weekly run).");
        }
        if (everyHours != null && !BackupSchedule.HOURLY_STEPS.contains(everyHours.intValue())) {
            throw ApiException.badRequest("every_hours must be one of 1, 2, 3, 4, 6, 8 or 12.");
        }
        BackupSchedule schedule = new BackupSchedule(enabled, zone, everyHours == null ? null : everyHours.intValue(),
                dailyAt, weeklyOn, retention);
        if (enabled && schedule.intervalHours() < minIntervalHours) {
            throw ApiException.badRequest("This service may be backed up at most every " + minIntervalHours
                    + " hours.");
        }
        return schedule;
    }

    static Map<String, Object> view(BackupSchedule schedule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("enabled", schedule.enabled());
        view.put("time_zone", schedule.zone().getId());
        if (schedule.everyHours() != null) {
            view.put("every_hours", schedule.everyHours());
        }
        if (schedule.weeklyOn() != null) {
            view.put("weekly_on", schedule.weeklyOn().name().toLowerCase(Locale.ROOT));
        }
        if (schedule.dailyAt() != null) {
            view.put("daily_at", schedule.dailyAt().toString());
        }
        Retention retention = schedule.retention();
        Map<String, Object> keep = new LinkedHashMap<>();
        keep.put("keep", retention.keep());
        keep.put("daily", retention.daily());
        keep.put("weekly", retention.weekly());
        keep.put("monthly", retention.monthly());
        view.put("retention", keep);
        return view;
    }

    private static ZoneId zone(String name) {
        if (name == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("time_zone must be an IANA time zone such as Europe/Berlin or UTC.");
        }
    }

    private static LocalTime time(String text) {
        if (text == null) {
            return null;
        }
        if (!HH_MM.matcher(text).matches()) {
            throw ApiException.badRequest("daily_at must be a time of day as HH:MM, such as 03:30.");
        }
        return LocalTime.parse(text);
    }

    private static DayOfWeek weekday(String text) {
        if (text == null) {
            return null;
        }
        try {
            return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("weekly_on must be a weekday in English, such as monday.");
        }
    }

    private static Retention retention(BodyFields fields) {
        if (fields == null) {
            return Retention.DEFAULT;
        }
        Long keep = fields.number("keep", 1, Retention.MAX);
        Long daily = fields.number("daily", 0, Retention.MAX);
        Long weekly = fields.number("weekly", 0, Retention.MAX);
        Long monthly = fields.number("monthly", 0, Retention.MAX);
        return new Retention(keep == null ? Retention.DEFAULT.keep() : keep.intValue(),
                daily == null ? 0 : daily.intValue(), weekly == null ? 0 : weekly.intValue(),
                monthly == null ? 0 : monthly.intValue());
    }
}
