package org.voicepanel.api;

/**
 * The backup routes, as named in {@code BACKUPS_NOT_SUPPORTED} messages and lock leases.
 *
 * @since 1.0
 */
public enum BackupOperation {
    LIST, STATUS, CREATE, UPLOAD, DOWNLOAD, DELETE, RESTORE
}
