package org.voicepanel.host.backup.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;
import org.voicepanel.host.schedule.BackupsProperties;

/**
 * At most {@code panel.backups.cooldown-creates} manual creates per service within
 * {@code panel.backups.cooldown-window}; successful creates count, deleted snapshots still count. Checked and
 * recorded under the service lock, so two panel instances cannot both let one more through.
 */
@Component
public class CreateCooldown {

    private final Jdbi jdbi;
    private final Clock clock;
    private final int creates;
    private final Duration window;

    public CreateCooldown(Jdbi jdbi, Clock clock, BackupsProperties properties) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.creates = properties.cooldownCreates();
        this.window = properties.cooldownWindow();
    }

    /** Throws {@link RetryLater} when the service has used up its creates in the window. */
    public void check(long serviceId) {
        if (creates <= 0) {
            return;
        }
        Instant now = clock.instant();
        List<LocalDateTime> recent = jdbi.withHandle(h -> h.createQuery("SELECT created_at FROM manual_create"
                        + " WHERE service_id = ? AND created_at > ? ORDER BY created_at DESC LIMIT ?")
                .bind(0, serviceId).bind(1, utc(now.minus(window))).bind(2, creates)
                .mapTo(LocalDateTime.class).list());
        if (recent.size() >= creates) {
            Instant oldest = recent.get(recent.size() - 1).toInstant(ZoneOffset.UTC);
            Duration wait = Duration.between(now, oldest.plus(window));
            throw new RetryLater(wait, "This service may take " + creates + " snapshots by hand every "
                    + minutes(window) + "; try again in " + Math.max(1, (wait.toSeconds() + 59) / 60) + " minute(s).");
        }
    }

    public void record(long serviceId) {
        if (creates <= 0) {
            return;
        }
        Instant now = clock.instant();
        jdbi.useHandle(h -> {
            h.createUpdate("INSERT INTO manual_create (service_id, created_at) VALUES (?, ?)")
                    .bind(0, serviceId).bind(1, utc(now)).execute();
            h.createUpdate("DELETE FROM manual_create WHERE service_id = ? AND created_at < ?")
                    .bind(0, serviceId).bind(1, utc(now.minus(window))).execute();
        });
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String minutes(Duration window) {
        long minutes = window.toMinutes();
        return minutes >= 1 ? minutes + " minute(s)" : window.toSeconds() + " second(s)";
    }
}
