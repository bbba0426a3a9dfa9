package org.voicepanel.host.db;

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
public class ChoreLease {

    private final Jdbi jdbi;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    public ChoreLease(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Takes the chore for {@code lease} if no other instance holds it; true when this instance now does. */
    public boolean take(String chore, Duration lease) {
        LocalDateTime now = now();
        LocalDateTime until = now.plus(lease);
        return jdbi.withHandle(h -> h.createUpdate("INSERT IGNORE INTO chore_lease (name, holder, expires_at) VALUES (?, ?, ?)")
                .bind(0, chore).bind(1, holder).bind(2, until).execute() == 1
                || h.createUpdate("UPDATE chore_lease SET holder = ?, expires_at = ? WHERE name = ? AND expires_at < ?")
                .bind(0, holder).bind(1, until).bind(2, chore).bind(3, now).execute() == 1);
    }

    /** Extends this instance's lease on the chore; false when it no longer holds it (it ran out and was taken). */
    public boolean renew(String chore, Duration lease) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE chore_lease SET expires_at = ? WHERE name = ? AND holder = ?")
                .bind(0, now().plus(lease)).bind(1, chore).bind(2, holder).execute() == 1);
    }

    /** Gives the chore up at once, so that another instance may take it without waiting for the lease. */
    public void release(String chore) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE chore_lease SET expires_at = ? WHERE name = ? AND holder = ?")
                .bind(0, now().minusSeconds(1)).bind(1, chore).bind(2, holder).execute());
    }

    /** Whether some instance (this one or another) holds the chore now. */
    public boolean held(String chore) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM chore_lease WHERE name = ? AND expires_at >= ?")
                .bind(0, chore).bind(1, now()).mapTo(Integer.class).one()) > 0;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
