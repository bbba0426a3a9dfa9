package org.voicepanel.api;

/**
 * The backup routes, as named in {@code BACKUPS_NOT_SUPPORTED} messages and lock leases.
 *
 * @since 1.0
 */
public enum BackupOperation {
    LIST, STATUS, CREATE, UPLOAD, DOWNLOAD, DELETE, RESTORE;

    /** Whether the host runs this operation under the per-service lock. */
    public boolean isWrite() {
        return this == CREATE || this == UPLOAD || this == DELETE || this == RESTORE;
    }
}
