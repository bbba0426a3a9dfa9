package org.voicepanel.host.audit;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to which service, how it ended and how long it took.
 * Holds no token, password or snapshot byte; the message is written by the panel, never copied
 * from a request or a voice server.
 *
 * @param serviceId the service acted on
 * @param result {@code success} or {@code error}
 * @param errorCode the stable code of api.md when the action failed, else null
 * @param snapshotId the snapshot acted on or made, where there is one
 * @param via {@code token} or {@code session} (the web page)
 */
public record AuditEntry(long id, Instant createdAt, Long serviceId, long userId, String userName, String category,
                         String action, String message, String result, String errorCode, int httpStatus,
                         Long snapshotId, String clientAddress, String via, long durationMs) {
}
