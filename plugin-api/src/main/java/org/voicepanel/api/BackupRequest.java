package org.voicepanel.api;

import java.util.Objects;

/**
 * One call of a backup route: the service it is about and who asked.
 *
 * @param service the voice server of the service, as the host stores it
 * @param actor the name of the panel user who made the request, for {@code created_by}
 * @param requestId the id the host logs this request under
 * @since 1.0
 */
public record BackupRequest(VoiceService service, String actor, String requestId) {

    public BackupRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestId, "requestId");
    }
}
