package org.voicepanel.system.sdk;

import tools.jackson.databind.JsonNode;

/** The SDKs' service base class: the fields of {@code GET /services/{id}} and the active gate. */
public abstract class Service {

    protected final SdkClient api;
    private final JsonNode data;

    Service(SdkClient api, JsonNode data) {
        this.api = api;
        this.data = data;
    }

    public long getId() {
        return data.path("id").asLong();
    }

    public String getStatus() {
        return data.path("status").asString();
    }

    public boolean isActive() {
        return "active".equals(getStatus());
    }

    public long getUserId() {
        return data.path("user_id").asLong();
    }

    public String getUsername() {
        return data.path("username").asString();
    }

    public JsonNode getServiceDetails() {
        return data.path("details");
    }

    public JsonNode getRoles() {
        return data.path("roles");
    }

    /** {@code GET /services/{id}/logs?page=N}, as the SDKs return it: the data object. */
    public JsonNode getLogs(int page) throws java.io.IOException {
        return api.dataGet("services/" + getId() + "/logs?page=" + page);
    }
}
