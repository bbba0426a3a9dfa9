package org.voicepanel.host.schedule;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.NoUnknownFields;

/**
 * The schedule's JSON (api.md): {@code {"enabled": true, "time_zone": "Europe/Berlin", "every_hours": 6}}, or
 * {@code "daily_at": "03:30"}, or {@code "weekly_on": "monday", "daily_at": "03:30"}, with an optional
 * {@code "retention": {"keep": 7, "daily": 7, "weekly": 4, "monthly": 6}}. Read strictly; written the same way.
 */
final class ScheduleBody {

    private static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";
    private static final String WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final String ZONE_RULE = "The field time_zone must be an IANA time zone such as Europe/Berlin"
            + " or UTC.";
    private static final String KEEP_RULE = "The field retention.keep must be a whole number from 1 to "
            + Retention.MAX + ".";
    private static final String PERIOD_RULE = " must be a whole number from 0 to " + Retention.MAX + ".";

    /** The body of {@code PUT .../backup/schedule}; the rules that tie its fields together are in {@link #read}. */
    record Request(
            @NotNull(message = "The field enabled (true or false) is required.") Boolean enabled,
            @JsonProperty("time_zone") @Size(max = 64, message = ZONE_RULE) @TimeZoneId(message = ZONE_RULE)
            String timeZone,
            @JsonProperty("every_hours") Integer everyHours,
            @JsonProperty("daily_at")
            @Pattern(regexp = HH_MM, message = "The field daily_at must be a time of day as HH:MM, such as 03:30.")
            String dailyAt,
            @JsonProperty("weekly_on")
            @Pattern(regexp = WEEKDAY, flags = Pattern.Flag.CASE_INSENSITIVE,
                    message = "The field weekly_on must be a weekday in English, such as monday.")
            String weeklyOn,
            @Valid RetentionRequest retention,
            @JsonAnySetter @NoUnknownFields @Schema(hidden = true) Map<String, Object> unknown) {
    }

    /** {@code retention}: a field left out keeps its default (7, 0, 0, 0). */
    record RetentionRequest(
            @Min(value = 1, message = KEEP_RULE) @Max(value = Retention.MAX, message = KEEP_RULE) Integer keep,
            @Min(value = 0, message = "The field retention.daily" + PERIOD_RULE)
            @Max(value = Retention.MAX, message = "The field retention.daily" + PERIOD_RULE) Integer daily,
            @Min(value = 0, message = "The field retention.weekly" + PERIOD_RULE)
            @Max(value = Retention.MAX, message = "The field retention.weekly" + PERIOD_RULE) Integer weekly,
            @Min(value = 0, message = "The field retention.monthly" + PERIOD_RULE)
            @Max(value = Retention.MAX, message = "The field retention.monthly" + PERIOD_RULE) Integer monthly,
            @JsonAnySetter @NoUnknownFields(in = "retention.") @Schema(hidden = true) Map<String, Object> unknown) {
    }

    private ScheduleBody() {
    }

    /** The schedule of a body that passed {@link org.voicepanel.host.web.RequestBodies}. */
    static BackupSchedule read(Request body, int minIntervalHours) {
        boolean enabled = body.enabled();
        ZoneId zone = ZoneId.of(body.timeZone() == null ? "UTC" : body.timeZone());
        Retention retention = retention(body.retention());
        Integer everyHours = body.everyHours();
        LocalTime dailyAt = body.dailyAt() == null ? null : LocalTime.parse(body.dailyAt());
        DayOfWeek weeklyOn = body.weeklyOn() == null ? null
                : DayOfWeek.valueOf(body.weeklyOn().toUpperCase(Locale.ROOT));
        if (!enabled && everyHours == null && dailyAt == null) {
            return new BackupSchedule(false, zone, null, null, null, retention);
        }
        if (everyHours != null && (dailyAt != null || weeklyOn != null)) {
            throw ApiException.badRequest("Give either every_hours, or daily_at (with weekly_on for a weekly run).");
        }
        if (everyHours == null && dailyAt == null) {
            throw ApiException.badRequest("Give every_hours, or daily_at (with weekly_on for a weekly run).");
        }
        if (everyHours != null && !BackupSchedule.HOURLY_STEPS.contains(everyHours)) {
            throw ApiException.badRequest("The field every_hours must be one of 1, 2, 3, 4, 6, 8 or 12.");
        }
        BackupSchedule schedule = new BackupSchedule(enabled, zone, everyHours, dailyAt, weeklyOn, retention);
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

    private static Retention retention(RetentionRequest body) {
        if (body == null) {
            return Retention.DEFAULT;
        }
        return new Retention(body.keep() == null ? Retention.DEFAULT.keep() : body.keep(),
                body.daily() == null ? 0 : body.daily(), body.weekly() == null ? 0 : body.weekly(),
                body.monthly() == null ? 0 : body.monthly());
    }
}
