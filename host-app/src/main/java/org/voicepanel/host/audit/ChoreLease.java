package org.voicepanel.host.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * A lease on a panel-wide chore in MariaDB, so that of all instances on one database one at a time
 * does it. Plain rows rather than {@code GET_LOCK}, which a Galera cluster does not share.
 * Thread-safe.
 */
@Component
class ChoreLease {

    private final Jdbi jdbi;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    ChoreLease(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Takes the chore for {@code lease} if no other instance holds it; true when this instance now does. */
    boolean take(String chore, Duration lease) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        LocalDateTime until = now.plus(lease);
        return jdbi.withHandle(h -> h.createUpdate("INSERT IGNORE INTO chore_lease (name, holder, expires_at) VALUES (?, ?, ?)")
                .bind(0, chore).bind(1, holder).bind(2, until).execute() == 1
                || h.createUpdate("UPDATE chore_lease SET holder = ?, expires_at = ? WHERE name = ? AND expires_at < ?")
                .bind(0, holder).bind(1, until).bind(2, chore).bind(3, now).execute() == 1);
    }
}
