package org.voicepanel.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored snapshot as the list shows it.
 *
 * @param snapshotId the id within the panel
 * @param createdAt when it was stored
 * @param size the size in bytes of the snapshot file a download returns
 * @param sha256 the lower-case hex SHA-256 of that file
 * @param origin whether it was taken from the voice server or uploaded
 * @param createdBy the panel user who stored it
 * @since 1.0
 */
public record SnapshotInfo(long snapshotId, Instant createdAt, long size, String sha256, SnapshotOrigin origin,
                           String createdBy) {

    public SnapshotInfo {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
