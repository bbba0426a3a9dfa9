package org.voicepanel.api;

import java.util.List;
import java.util.Optional;

/**
 * The handler of each backup route. Every handler reports failure by throwing
 * {@link BackupException}; any other exception is answered as {@code INTERNAL}. Objects handed to a
 * handler (the request, an {@link UploadedSnapshot}) are valid only until it returns.
 *
 * @since 1.0
 */
public final class BackupHandlers {

    private BackupHandlers() {
    }

    /** Lists the snapshots of the service, newest first. */
    @FunctionalInterface
    public interface ListSnapshots {
        List<SnapshotInfo> list(BackupRequest request);
    }

    /** Asks the voice server for its status; must answer within the provider's timeout. */
    @FunctionalInterface
    public interface ReadStatus {
        VoiceServerStatus status(BackupRequest request);
    }

    /** Takes a snapshot of the running voice server and stores it; returns the new snapshot's id. */
    @FunctionalInterface
    public interface CreateSnapshot {
        long create(BackupRequest request);
    }

    /**
     * Validates an uploaded snapshot and stores it; returns the new snapshot's id. A payload
     * that is not one snapshot of a known format is refused with {@code SNAPSHOT_FILE_INVALID}
     * and nothing is stored.
     */
    @FunctionalInterface
    public interface UploadSnapshot {
        long upload(BackupRequest request, UploadedSnapshot snapshot);
    }

    /** Opens a stored snapshot file; empty when the service has no such snapshot. */
    @FunctionalInterface
    public interface DownloadSnapshot {
        Optional<SnapshotDownload> download(BackupRequest request, long snapshotId);
    }

    /** Deletes a snapshot whole; throws {@code SNAPSHOT_NOT_FOUND} when the service has none such. */
    @FunctionalInterface
    public interface DeleteSnapshot {
        void delete(BackupRequest request, long snapshotId);
    }

    /**
     * Deploys a stored snapshot to the voice server and restarts it; returns what could not be
     * brought back ({@link RestoreReport#complete()} when nothing). On failure the stored snapshot
     * stays exactly as it was, and the voice server is left as it was before the call (put back if
     * need be), never half restored.
     */
    @FunctionalInterface
    public interface RestoreSnapshot {
        RestoreReport restore(BackupRequest request, long snapshotId);
    }
}
