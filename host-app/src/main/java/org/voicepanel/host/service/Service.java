package org.voicepanel.host.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.voicepanel.api.VoiceService;

/** A customer's service with its voice server; the query password stays sealed until a call needs it. */
public record Service(long id, long ownerUserId, String name, String type, String host, int queryPort,
                      String queryUsername, byte[] queryPasswordSealed, int virtualServerId, int slots) {

    /** What the API shows: never the query password. */
    public Map<String, Object> view() {
        return view(false);
    }

    /** What an admin sees: also the query user name, so the page can edit the connection (never the password). */
    public Map<String, Object> adminView() {
        return view(true);
    }

    private Map<String, Object> view(boolean withQueryUser) {
        Map<String, Object> voiceserver = new LinkedHashMap<>();
        voiceserver.put("type", type);
        voiceserver.put("host", host);
        voiceserver.put("query_port", queryPort);
        if (withQueryUser) {
            voiceserver.put("query_username", queryUsername);
        }
        voiceserver.put("virtual_server_id", virtualServerId);
        voiceserver.put("slots", slots);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("name", name);
        view.put("owner_user_id", ownerUserId);
        view.put("voiceserver", voiceserver);
        return view;
    }

    public VoiceService toVoiceService(QueryPasswordCipher cipher) {
        return new VoiceService(id, type, host, queryPort, queryUsername, cipher.open(id, queryPasswordSealed),
                virtualServerId, slots);
    }
}
