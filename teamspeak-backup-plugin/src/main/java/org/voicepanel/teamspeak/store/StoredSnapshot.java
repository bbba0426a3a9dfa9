package org.voicepanel.teamspeak.store;

import java.time.Instant;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.teamspeak.snapshot.SnapshotDialect;

/**
 * One row of {@code ts3_snapshot}: a sealed snapshot file kept for a service.
 *
 * @param size bytes of the sealed file
 * @param sha256 lower-case hex SHA-256 of the sealed file
 * @param chunkCount how many {@code ts3_snapshot_chunk} rows hold the file
 */
public record StoredSnapshot(long id, long serviceId, Instant createdAt, long size, String sha256,
                             SnapshotOrigin origin, String createdBy, SnapshotDialect dialect, int chunkCount) {

    public SnapshotInfo toInfo() {
        return SnapshotInfo.builder(id).createdAt(createdAt).size(size).sha256(sha256).origin(origin)
                .createdBy(createdBy).build();
    }
}
