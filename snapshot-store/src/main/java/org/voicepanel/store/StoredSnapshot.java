package org.voicepanel.store;

import java.time.Instant;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.SnapshotOrigin;

/**
 * One row of {@code <prefix>_snapshot}: a sealed snapshot file kept for a service.
 *
 * @param size bytes of the sealed file
 * @param sha256 lower-case hex SHA-256 of the sealed file
 * @param format the plugin's name for the format inside the file
 * @param chunkCount how many {@code <prefix>_snapshot_chunk} rows hold the file
 */
public record StoredSnapshot(long id, long serviceId, Instant createdAt, long size, String sha256,
                             SnapshotOrigin origin, String createdBy, String format, int chunkCount) {

    public SnapshotInfo toInfo() {
        return SnapshotInfo.builder(id).createdAt(createdAt).size(size).sha256(sha256).origin(origin)
                .createdBy(createdBy).build();
    }
}
