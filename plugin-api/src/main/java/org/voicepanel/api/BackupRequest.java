package org.voicepanel.api;

import java.util.Objects;

/**
 * One call of a backup route: the service it is about and who asked. Valid only until the handler it
 * was given to returns. Immutable; a final class (a record until 2.0) so that a later field comes with
 * a constructor of its own and breaks no compiled plugin.
 *
 * @since 1.0
 */
public final class BackupRequest {

    private final VoiceService service;
    private final String actor;
    private final String requestId;

    /**
     * @param service the voice server of the service, as the host stores it
     * @param actor the name of the panel user who made the request, for {@code created_by}
     * @param requestId the id the host logs this request under
     */
    public BackupRequest(VoiceService service, String actor, String requestId) {
        this.service = Objects.requireNonNull(service, "service");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
    }

    public VoiceService service() {
        return service;
    }

    public String actor() {
        return actor;
    }

    public String requestId() {
        return requestId;
    }

    @Override
    public String toString() {
        return "BackupRequest[" + service + ", actor=" + actor + ", requestId=" + requestId + "]";
    }
}
