package org.voicepanel.host.backup.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voicepanel.api.SnapshotInfo;

/** How much of its limits a service uses. */
public record QuotaUse(int snapshots, long bytes, BackupLimits limits) {

    public static QuotaUse of(List<SnapshotInfo> snapshots, BackupLimits limits) {
        return new QuotaUse(snapshots.size(), snapshots.stream().mapToLong(SnapshotInfo::size).sum(), limits);
    }

    /** {@code {snapshots, max_snapshots, bytes, max_bytes}}; a limit of 0 (none) is left out. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("snapshots", snapshots);
        if (limits.maxSnapshots() > 0) {
            view.put("max_snapshots", limits.maxSnapshots());
        }
        view.put("bytes", bytes);
        if (limits.maxBytes() > 0) {
            view.put("max_bytes", limits.maxBytes());
        }
        return view;
    }
}
