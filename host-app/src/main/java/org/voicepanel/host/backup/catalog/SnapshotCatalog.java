package org.voicepanel.host.backup.catalog;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;

/**
 * Pin, label and scheduled origin of snapshots, keyed by (service, snapshot id); a snapshot without a row is
 * unpinned, unlabelled and not scheduled. Thread-safe.
 */
@Repository
public class SnapshotCatalog {

    private final Jdbi jdbi;

    public SnapshotCatalog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Map<Long, CatalogEntry> entries(long serviceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT snapshot_id, scheduled, pinned, label FROM snapshot_entry"
                        + " WHERE service_id = ?").bind(0, serviceId)
                .map((rs, ctx) -> new CatalogEntry(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4)))
                .list()).stream().collect(Collectors.toMap(CatalogEntry::snapshotId, Function.identity()));
    }

    public CatalogEntry entry(long serviceId, long snapshotId) {
        return entries(serviceId).getOrDefault(snapshotId, CatalogEntry.NONE);
    }

    public void recordScheduled(long serviceId, long snapshotId) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO snapshot_entry (service_id, snapshot_id, scheduled)"
                        + " VALUES (?, ?, TRUE) ON DUPLICATE KEY UPDATE scheduled = TRUE")
                .bind(0, serviceId).bind(1, snapshotId).execute());
    }

    void pin(long serviceId, long snapshotId, boolean pinned) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO snapshot_entry (service_id, snapshot_id, pinned)"
                        + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE pinned = VALUES(pinned)")
                .bind(0, serviceId).bind(1, snapshotId).bind(2, pinned).execute());
    }

    void label(long serviceId, long snapshotId, String label) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO snapshot_entry (service_id, snapshot_id, label)"
                        + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE label = VALUES(label)")
                .bind(0, serviceId).bind(1, snapshotId).bind(2, label).execute());
    }

    public void forget(long serviceId, long snapshotId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM snapshot_entry WHERE service_id = ? AND snapshot_id = ?")
                .bind(0, serviceId).bind(1, snapshotId).execute());
    }
}
