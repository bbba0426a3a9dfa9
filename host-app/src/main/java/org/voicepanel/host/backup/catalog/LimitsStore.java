package org.voicepanel.host.backup.catalog;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;
import org.voicepanel.host.schedule.BackupsProperties;

/** Per-service limits an admin set, over the {@code panel.backups.*} defaults. Thread-safe. */
@Repository
public class LimitsStore {

    /** What an admin set for one service; a null field falls back to the default. */
    public record Overrides(Integer maxSnapshots, Long maxBytes, Integer minIntervalHours) {
    }

    private final Jdbi jdbi;
    private final BackupsProperties defaults;

    public LimitsStore(Jdbi jdbi, BackupsProperties defaults) {
        this.jdbi = jdbi;
        this.defaults = defaults;
    }

    public BackupLimits of(long serviceId) {
        Overrides set = overrides(serviceId).orElse(new Overrides(null, null, null));
        return new BackupLimits(
                set.maxSnapshots() != null ? set.maxSnapshots() : defaults.maxSnapshots(),
                set.maxBytes() != null ? set.maxBytes() : defaults.maxBytes(),
                set.minIntervalHours() != null ? set.minIntervalHours() : defaults.minIntervalHours());
    }

    Optional<Overrides> overrides(long serviceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT max_snapshots, max_bytes, min_interval_hours FROM backup_limits"
                        + " WHERE service_id = ?").bind(0, serviceId)
                .map((rs, ctx) -> new Overrides((Integer) rs.getObject(1), (Long) rs.getObject(2),
                        (Integer) rs.getObject(3)))
                .findOne());
    }

    void set(long serviceId, Overrides overrides) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO backup_limits (service_id, max_snapshots, max_bytes,"
                        + " min_interval_hours) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                        + " max_snapshots = VALUES(max_snapshots), max_bytes = VALUES(max_bytes),"
                        + " min_interval_hours = VALUES(min_interval_hours)")
                .bind(0, serviceId).bind(1, overrides.maxSnapshots()).bind(2, overrides.maxBytes())
                .bind(3, overrides.minIntervalHours()).execute());
    }
}
