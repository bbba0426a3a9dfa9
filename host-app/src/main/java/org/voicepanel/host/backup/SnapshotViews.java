package org.voicepanel.host.backup;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voicepanel.api.SnapshotInfo;

/** The JSON shape of a snapshot in lists (api.md). */
final class SnapshotViews {

    private SnapshotViews() {
    }

    static List<Map<String, Object>> of(List<SnapshotInfo> snapshots) {
        return snapshots.stream().map(SnapshotViews::of).toList();
    }

    static Map<String, Object> of(SnapshotInfo snapshot) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("snapshot_id", snapshot.snapshotId());
        view.put("created_at", DateTimeFormatter.ISO_INSTANT.format(snapshot.createdAt().truncatedTo(ChronoUnit.SECONDS)));
        view.put("size", snapshot.size());
        view.put("sha256", snapshot.sha256());
        view.put("origin", snapshot.origin().wireName());
        view.put("created_by", snapshot.createdBy());
        return view;
    }
}
