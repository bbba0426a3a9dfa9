package org.voicepanel.host.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads {@code panel.backups.default-schedule}: {@code off}, {@code every 6h}, {@code daily 03:30} or
 * {@code weekly monday 03:30}, in UTC with the default retention. A bad value stops the panel at start with a
 * sentence naming the property.
 */
final class DefaultSchedule {

    private DefaultSchedule() {
    }

    static BackupSchedule parse(String value) {
        String[] words = value.trim().toLowerCase(Locale.ROOT).split("\\s+");
        ZoneId utc = ZoneId.of("UTC");
        try {
            if (words.length == 1 && words[0].equals("off")) {
                return BackupSchedule.off();
            }
            if (words.length == 2 && words[0].equals("every") && words[1].endsWith("h")) {
                int hours = Integer.parseInt(words[1].substring(0, words[1].length() - 1));
                if (BackupSchedule.HOURLY_STEPS.contains(hours)) {
                    return new BackupSchedule(true, utc, hours, null, null, Retention.DEFAULT);
                }
            }
            if (words.length == 2 && words[0].equals("daily")) {
                return new BackupSchedule(true, utc, null, LocalTime.parse(words[1]), null, Retention.DEFAULT);
            }
            if (words.length == 3 && words[0].equals("weekly")) {
                return new BackupSchedule(true, utc, null, LocalTime.parse(words[2]),
                        DayOfWeek.valueOf(words[1].toUpperCase(Locale.ROOT)), Retention.DEFAULT);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // falls through to the sentence below
        } catch (IllegalArgumentException e) {
            // an unknown weekday
        }
        throw new IllegalArgumentException("panel.backups.default-schedule must be off, every Nh (N one of 1, 2, 3,"
                + " 4, 6, 8, 12), daily HH:MM or weekly <weekday> HH:MM; it is \"" + value + "\".");
    }
}
