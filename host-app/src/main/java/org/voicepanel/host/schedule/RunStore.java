package org.voicepanel.host.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;

/**
 * One row per (service, due time): what makes a due time give exactly one snapshot, even when a killed panel's run
 * is taken over by another. Written under the service lock. Thread-safe.
 */
@Repository
class RunStore {

    enum Result { RUNNING, SUCCEEDED, FAILED }

    record Run(Instant dueAt, Instant startedAt, Instant finishedAt, Result result, Long snapshotId, String error) {
    }

    private static final String COLUMNS = "due_at, started_at, finished_at, result, snapshot_id, error";
    private static final int KEPT_RUNS = 200;

    private final Jdbi jdbi;

    RunStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Run> find(long serviceId, Instant dueAt) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM backup_run WHERE service_id = ?"
                        + " AND due_at = ?").bind(0, serviceId).bind(1, utc(dueAt))
                .map((rs, ctx) -> map(rs)).findOne());
    }

    Optional<Run> last(long serviceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM backup_run WHERE service_id = ?"
                        + " ORDER BY started_at DESC LIMIT 1").bind(0, serviceId)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    void start(long serviceId, Instant dueAt, Instant startedAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO backup_run (service_id, due_at, started_at, result)"
                        + " VALUES (?, ?, ?, 'RUNNING') ON DUPLICATE KEY UPDATE"
                        + " result = IF(snapshot_id IS NULL, 'RUNNING', result),"
                        + " error = IF(snapshot_id IS NULL, NULL, error),"
                        + " finished_at = IF(snapshot_id IS NULL, NULL, finished_at),"
                        + " started_at = IF(snapshot_id IS NULL, VALUES(started_at), started_at)")
                .bind(0, serviceId).bind(1, utc(dueAt)).bind(2, utc(startedAt)).execute());
    }

    /**
     * Claims the due time for {@code snapshotId} and marks it scheduled, in one transaction: a crash leaves both or
     * neither. False when another attempt claimed the due time first (a panel that stalled past its lease and then
     * went on): that snapshot is then one too many, and the caller removes it.
     */
    boolean succeeded(long serviceId, Instant dueAt, long snapshotId, Instant finishedAt) {
        boolean claimed = jdbi.inTransaction(h -> {
            int rows = h.createUpdate("UPDATE backup_run SET result = 'SUCCEEDED', snapshot_id = ?, finished_at = ?,"
                            + " error = NULL WHERE service_id = ? AND due_at = ? AND snapshot_id IS NULL")
                    .bind(0, snapshotId).bind(1, utc(finishedAt)).bind(2, serviceId).bind(3, utc(dueAt)).execute();
            if (rows == 1) {
                h.createUpdate("INSERT INTO snapshot_entry (service_id, snapshot_id, scheduled) VALUES (?, ?, TRUE)"
                                + " ON DUPLICATE KEY UPDATE scheduled = TRUE")
                        .bind(0, serviceId).bind(1, snapshotId).execute();
            }
            return rows == 1;
        });
        prune(serviceId);
        return claimed;
    }

    void failed(long serviceId, Instant dueAt, String error, Instant finishedAt) {
        String sentence = error.length() > 500 ? error.substring(0, 500) : error;
        jdbi.useHandle(h -> h.createUpdate("UPDATE backup_run SET result = 'FAILED', error = ?, finished_at = ?"
                        + " WHERE service_id = ? AND due_at = ? AND snapshot_id IS NULL")
                .bind(0, sentence).bind(1, utc(finishedAt)).bind(2, serviceId).bind(3, utc(dueAt)).execute());
        prune(serviceId);
    }

    private void prune(long serviceId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM backup_run WHERE service_id = ? AND due_at < (SELECT due_at"
                        + " FROM (SELECT due_at FROM backup_run WHERE service_id = ? ORDER BY due_at DESC LIMIT 1"
                        + " OFFSET ?) AS oldest_kept)")
                .bind(0, serviceId).bind(1, serviceId).bind(2, KEPT_RUNS - 1).execute());
    }

    private static Run map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long snapshot = rs.getLong(5);
        Long snapshotId = rs.wasNull() ? null : snapshot;
        return new Run(instant(rs.getObject(1, LocalDateTime.class)), instant(rs.getObject(2, LocalDateTime.class)),
                instant(rs.getObject(3, LocalDateTime.class)), Result.valueOf(rs.getString(4)), snapshotId,
                rs.getString(6));
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
