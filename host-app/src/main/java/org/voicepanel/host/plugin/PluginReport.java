package org.voicepanel.host.plugin;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * What {@code GET /admin/plugins} shows of one plugin.
 *
 * @param id the plugin id, or the jar's file name when the jar could not even be read
 * @param version the plugin version, or null when unknown
 * @param state STARTED, FAILED, DISABLED, ...
 * @param voiceServerTypes the types it serves (empty unless started)
 * @param reason why it is not serving, for a failed or disabled plugin
 */
public record PluginReport(String id, String version, String state, List<String> voiceServerTypes, String reason) {

    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("version", version);
        view.put("state", state);
        view.put("voiceserver_types", voiceServerTypes);
        if (reason != null) {
            view.put("reason", reason);
        }
        return view;
    }
}
