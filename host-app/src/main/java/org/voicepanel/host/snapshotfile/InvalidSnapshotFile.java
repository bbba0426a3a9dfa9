package org.voicepanel.host.snapshotfile;

import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;

/** The failures of unsealing, each as a sentence a user understands; no crypto detail leaks out. */
final class InvalidSnapshotFile {

    private InvalidSnapshotFile() {
    }

    static BackupException empty() {
        return invalid("The file is empty; it is not a snapshot file of this panel.");
    }

    static BackupException foreign() {
        return invalid("The file is not a snapshot file of this panel.");
    }

    static BackupException unknownVersion(int version) {
        return invalid("The snapshot file has format version " + version
                + ", which this panel cannot read; it was made by another version of the panel.");
    }

    static BackupException otherKey() {
        return invalid(
                "The snapshot file was sealed with another key than this panel's, so this panel cannot open it.");
    }

    static BackupException alteredOrCutShort() {
        return invalid("The file is not an intact snapshot file of this panel: it was altered or cut short.");
    }

    static BackupException trailingData() {
        return invalid("The file is not an intact snapshot file of this panel: it has extra data at its end.");
    }

    private static BackupException invalid(String message) {
        return new BackupException(Reason.SNAPSHOT_FILE_INVALID, message);
    }
}
