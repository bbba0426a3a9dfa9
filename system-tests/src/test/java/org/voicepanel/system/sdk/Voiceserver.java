package org.voicepanel.system.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The SDKs' voice-server class: reads {@code GET /services/{id}/voiceservers} only for an active
 * service, lists backups from {@code voiceserver.specific.snapshots}, and re-reads after a write.
 */
public final class Voiceserver extends Service {

    private JsonNode info;

    Voiceserver(SdkClient api, JsonNode data) throws IOException {
        super(api, data);
        if (isActive()) {
            refresh();
        }
    }

    public void refresh() throws IOException {
        info = api.dataGet("services/" + getId() + "/voiceservers");
    }

    /** {@code type, ip, port, slots, started, specific}; an error when the service was not active. */
    public JsonNode getDetails() {
        if (info == null || !info.has("voiceserver")) {
            throw new SdkException("No voiceserver data available");
        }
        return info.path("voiceserver");
    }

    /** The snapshot list the SDKs read: empty when there is no voice-server data. */
    public List<JsonNode> getBackups() {
        List<JsonNode> backups = new ArrayList<>();
        if (info != null) {
            info.path("voiceserver").path("specific").path("snapshots").forEach(backups::add);
        }
        return backups;
    }

    public JsonNode createBackup() throws IOException {
        JsonNode snapshot = api.dataPost(backup(""), null).path("snapshot");
        refresh();
        return snapshot;
    }

    public void restoreBackup(long id) throws IOException {
        api.dataPost(backup("/" + id + "/restore"), null);
    }

    public void deleteBackup(long id) throws IOException {
        api.dataDelete(backup("/" + id));
        refresh();
    }

    public byte[] downloadBackup(long id) throws IOException {
        return Base64.getDecoder().decode(api.dataGet(backup("/" + id)).path("snapshot").asString());
    }

    /** The SDKs send the file base64-encoded as the body, to the path with a trailing slash. */
    public JsonNode uploadBackup(byte[] file) throws IOException {
        JsonNode snapshot = api.dataPost(backup("/upload/"),
                new String(Base64.getEncoder().encode(file), StandardCharsets.US_ASCII)).path("snapshot");
        refresh();
        return snapshot;
    }

    private String backup(String rest) {
        return "services/" + getId() + "/voiceservers/backup" + rest;
    }
}
