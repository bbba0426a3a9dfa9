package org.voicepanel.mumble;

import org.voicepanel.api.BackupException;

/** The one answer for a snapshot id the service does not have, whoever else may have it. */
final class SnapshotNotFound {

    private SnapshotNotFound() {
    }

    static BackupException of(long snapshotId) {
        return new BackupException(BackupException.Reason.SNAPSHOT_NOT_FOUND,
                "The service has no snapshot " + snapshotId + ".");
    }
}
