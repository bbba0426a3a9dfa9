package org.voicepanel.host.backup.status;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voicepanel.api.VoiceServerStatus;
import org.voicepanel.host.web.StorageFailures;

/**
 * The {@code voice_status} rows: the cached status of each service, and the claim that decides,
 * across every panel instance on the database, which one asks the voice server next. Ordinary row
 * writes only, each committing on its own: a claim is a conditional {@code UPDATE} that matches
 * for one instance only, and on Galera the loser of a certification race simply did not claim.
 * Times come from the database. Thread-safe.
 */
@Component
public class StatusRows {

    private static final Logger log = LoggerFactory.getLogger(StatusRows.class);
    private static final String DUE = "(read_at IS NULL OR expired"
            + " OR read_at <= UTC_TIMESTAMP(3) - INTERVAL :interval * 1000 MICROSECOND)"
            + " AND (claimed_until IS NULL OR claimed_until < UTC_TIMESTAMP(3))";

    private final Jdbi jdbi;

    public StatusRows(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<StatusRow> read(long serviceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status, slots, port, read_at,"
                        + " TIMESTAMPDIFF(MICROSECOND, read_at, UTC_TIMESTAMP(3)) AS age_micros, expired,"
                        + " COALESCE(claimed_until > UTC_TIMESTAMP(3), FALSE) AS claimed,"
                        + " COALESCE(GREATEST(TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(3), claimed_until), 0), 0)"
                        + " AS claim_left_micros FROM voice_status WHERE service_id = ?")
                .bind(0, serviceId)
                .map((rs, ctx) -> {
                    var readAt = rs.getObject("read_at", java.time.LocalDateTime.class);
                    return new StatusRow(rs.getString("status"), rs.getInt("slots"), rs.getInt("port"),
                            readAt == null ? null : readAt.toInstant(ZoneOffset.UTC),
                            readAt == null ? null : Duration.ofNanos(Math.max(0, rs.getLong("age_micros")) * 1000),
                            rs.getBoolean("expired"), rs.getBoolean("claimed"),
                            Duration.ofNanos(rs.getLong("claim_left_micros") * 1000));
                })
                .findOne());
    }

    /**
     * Claims the next ask of the voice server when the status is older than {@code interval} (or
     * was never read, or expired) and no live claim exists; the claim token when this caller won.
     */
    public Optional<String> claim(long serviceId, Duration interval, Duration lease) {
        String token = UUID.randomUUID().toString();
        try {
            boolean won = jdbi.withHandle(h -> h.createUpdate("INSERT IGNORE INTO voice_status"
                            + " (service_id, claim, claimed_until) VALUES (:service, :claim,"
                            + " UTC_TIMESTAMP(3) + INTERVAL :lease * 1000 MICROSECOND)")
                    .bind("service", serviceId).bind("claim", token).bind("lease", lease.toMillis())
                    .execute() == 1
                    || h.createUpdate("UPDATE voice_status SET claim = :claim,"
                            + " claimed_until = UTC_TIMESTAMP(3) + INTERVAL :lease * 1000 MICROSECOND"
                            + " WHERE service_id = :service AND " + DUE)
                    .bind("service", serviceId).bind("claim", token).bind("lease", lease.toMillis())
                    .bind("interval", interval.toMillis())
                    .execute() == 1);
            return won ? Optional.of(token) : Optional.empty();
        } catch (JdbiException e) {
            if (!StorageFailures.isTransactionConflict(e)) {
                throw e;
            }
            // another instance claimed it at the same moment (InnoDB deadlock or Galera certification)
            log.debug("Claim of the status of service {} lost a race: {}", serviceId, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Stores what the voice server said ({@code null}: it could not be asked) and ends the claim.
     * False when the claim was no longer this caller's (a restore expired it): the answer is dropped.
     */
    public boolean store(long serviceId, String token, VoiceServerStatus status) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE voice_status SET status = :status, slots = :slots,"
                        + " port = :port, read_at = UTC_TIMESTAMP(3), expired = FALSE, claim = NULL,"
                        + " claimed_until = NULL WHERE service_id = :service AND claim = :claim")
                .bind("status", status == null ? null : status.status())
                .bind("slots", status == null ? null : status.slots())
                .bind("port", status == null ? null : status.port())
                .bind("service", serviceId).bind("claim", token)
                .execute()) == 1;
    }

    /** Gives a claim up unused, so that the next request (on any instance) may ask. */
    public void release(long serviceId, String token) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE voice_status SET claim = NULL, claimed_until = NULL"
                        + " WHERE service_id = ? AND claim = ?")
                .bind(0, serviceId).bind(1, token).execute());
    }

    /** Marks the status stale and voids any claim, so a read started before a change is never stored. */
    public void expire(long serviceId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE voice_status SET expired = TRUE, claim = NULL,"
                        + " claimed_until = NULL WHERE service_id = ?")
                .bind(0, serviceId).execute());
    }
}
