package org.voicepanel.host.web;

import org.springframework.http.HttpStatus;
import org.voicepanel.api.BackupException;

/** The stable error codes of docs/api.md with their HTTP status. */
public enum ErrorCode {
    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    BACKUPS_NOT_SUPPORTED(HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    SERVICE_NOT_FOUND(HttpStatus.NOT_FOUND),
    SNAPSHOT_NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    CONFLICT(HttpStatus.CONFLICT),
    REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    SNAPSHOT_FILE_INVALID(HttpStatus.UNPROCESSABLE_CONTENT),
    SERVICE_BUSY(HttpStatus.PRECONDITION_REQUIRED),
    QUOTA_EXCEEDED(HttpStatus.CONFLICT),
    SNAPSHOT_PINNED(HttpStatus.CONFLICT),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS),
    SERVICE_SUSPENDED(HttpStatus.LOCKED),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR),
    VOICESERVER_ERROR(HttpStatus.BAD_GATEWAY),
    VOICESERVER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    STORAGE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    PANEL_BUSY(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The code for a reason a provider reported; the reasons mirror these codes by name. */
    public static ErrorCode of(BackupException.Reason reason) {
        return valueOf(reason.name());
    }
}
