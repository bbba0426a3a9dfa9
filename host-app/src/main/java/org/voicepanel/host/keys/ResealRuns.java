package org.voicepanel.host.keys;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * The runs of the snapshot re-seal in {@code snapshot_reseal_run}: their counts, updated after every snapshot,
 * and the first {@value #KEPT_FAILURES} failures of each, so that any instance can show a run's progress.
 */
@Component
class ResealRuns {

    static final int KEPT_FAILURES = 100;
    private static final int LONGEST_MESSAGE = 500;

    /** How a run stands; {@code running} rows whose lease ran out are shown as {@code interrupted}. */
    enum State {
        RUNNING, FINISHED, INTERRUPTED;

        String wire() {
            return name().toLowerCase();
        }
    }

    /** One failure: which plugin, service and snapshot (any may be null) and why. */
    record Failure(String pluginId, Long serviceId, Long snapshotId, String message) {
    }

    record Run(long id, int keyId, State state, Instant startedAt, Instant finishedAt, int resealed, int skipped,
               int failed, List<Failure> failures) {

        Run interrupted() {
            return new Run(id, keyId, State.INTERRUPTED, startedAt, finishedAt, resealed, skipped, failed, failures);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    ResealRuns(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Starts a run for the primary key {@code keyId}; any earlier run still marked running was interrupted. */
    long start(int keyId) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE snapshot_reseal_run SET state = 'interrupted' WHERE state = 'running'").execute();
            return h.createUpdate("INSERT INTO snapshot_reseal_run (key_id, state, started_at) VALUES (?, 'running', ?)")
                    .bind(0, keyId).bind(1, now())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    void resealed(long runId) {
        jdbi.useHandle(h -> h.execute("UPDATE snapshot_reseal_run SET resealed = resealed + 1 WHERE id = ?", runId));
    }

    void skipped(long runId) {
        jdbi.useHandle(h -> h.execute("UPDATE snapshot_reseal_run SET skipped = skipped + 1 WHERE id = ?", runId));
    }

    void failed(long runId, Failure failure) {
        jdbi.useTransaction(h -> {
            int seq = h.createQuery("SELECT failed FROM snapshot_reseal_run WHERE id = ? FOR UPDATE").bind(0, runId)
                    .mapTo(Integer.class).one();
            h.execute("UPDATE snapshot_reseal_run SET failed = failed + 1 WHERE id = ?", runId);
            if (seq < KEPT_FAILURES) {
                String message = failure.message().length() <= LONGEST_MESSAGE ? failure.message()
                        : failure.message().substring(0, LONGEST_MESSAGE - 1) + "…";
                h.createUpdate("INSERT INTO snapshot_reseal_failure (run_id, seq, plugin_id, service_id, snapshot_id,"
                                + " message) VALUES (?, ?, ?, ?, ?, ?)")
                        .bind(0, runId).bind(1, seq).bind(2, failure.pluginId()).bind(3, failure.serviceId())
                        .bind(4, failure.snapshotId()).bind(5, message).execute();
            }
        });
    }

    void finish(long runId, State state) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE snapshot_reseal_run SET state = ?, finished_at = ? WHERE id = ?"
                        + " AND state = 'running'")
                .bind(0, state.wire()).bind(1, now()).bind(2, runId).execute());
    }

    /** The newest run, as stored. */
    Optional<Run> latest() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, key_id, state, started_at, finished_at, resealed, skipped,"
                        + " failed FROM snapshot_reseal_run ORDER BY id DESC LIMIT 1")
                .map((rs, ctx) -> new Run(rs.getLong(1), rs.getInt(2), State.valueOf(rs.getString(3).toUpperCase()),
                        instant(rs.getObject(4, LocalDateTime.class)), instant(rs.getObject(5, LocalDateTime.class)),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), List.of()))
                .findOne()
                .map(run -> new Run(run.id(), run.keyId(), run.state(), run.startedAt(), run.finishedAt(),
                        run.resealed(), run.skipped(), run.failed(), h.createQuery("SELECT plugin_id, service_id,"
                                + " snapshot_id, message FROM snapshot_reseal_failure WHERE run_id = ? ORDER BY seq")
                        .bind(0, run.id())
                        .map((rs, ctx) -> new Failure(rs.getString(1), (Long) rs.getObject(2, Long.class),
                                (Long) rs.getObject(3, Long.class), rs.getString(4)))
                        .list())));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
