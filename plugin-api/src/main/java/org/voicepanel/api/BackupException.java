package org.voicepanel.api;

import java.util.Objects;

/**
 * A failure a provider reports to the user. The host alone turns the reason into an HTTP status
 * and a stable error code; the message must be a sentence a person understands and must carry
 * no secret, stack trace or SQL.
 *
 * @since 1.0
 */
public class BackupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Mirrors the error codes of the HTTP contract. */
    public enum Reason {
        BAD_REQUEST,
        BACKUPS_NOT_SUPPORTED,
        SNAPSHOT_NOT_FOUND,
        SERVICE_BUSY,
        PAYLOAD_TOO_LARGE,
        SNAPSHOT_FILE_INVALID,
        VOICESERVER_ERROR,
        VOICESERVER_UNAVAILABLE,
        STORAGE_UNAVAILABLE,
        INTERNAL
    }

    private final Reason reason;

    public BackupException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public BackupException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
