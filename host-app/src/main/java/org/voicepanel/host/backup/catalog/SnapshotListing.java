package org.voicepanel.host.backup.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voicepanel.api.SnapshotInfo;

/** A service's snapshot list as the list route answers it: each snapshot with its catalog entry, and quota use. */
public record SnapshotListing(List<ListedSnapshot> snapshots, QuotaUse quota) {

    /** One snapshot of the list; written by {@link ListedSnapshotSerializer}. */
    public record ListedSnapshot(SnapshotInfo info, CatalogEntry entry) {
    }

    SnapshotListing(List<SnapshotInfo> snapshots, Map<Long, CatalogEntry> entries, QuotaUse quota) {
        this(snapshots.stream().map(info -> new ListedSnapshot(info,
                entries.getOrDefault(info.snapshotId(), CatalogEntry.NONE))).toList(), quota);
    }

    /** {@code {snapshots: [...], quota: {...}}}, the list route's {@code data}. */
    public Map<String, Object> view() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("snapshots", snapshots);
        data.put("quota", quota.view());
        return data;
    }
}
