package org.voicepanel.host.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.voicepanel.api.ConnectionField;

/**
 * What {@code GET /admin/voiceserver-types} shows of one served type: the connection fields its plugin
 * declares, in the plugin's order, so a form (the admin page's) can be built from them. A field's
 * pattern stays on the server, which checks it and names it in the error.
 */
final class VoiceServerTypeView {

    private VoiceServerTypeView() {
    }

    static Map<String, Object> of(String type, ProviderRegistry.Registration registration) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", type);
        view.put("plugin_id", registration.pluginId());
        view.put("fields", registration.fields().stream().map(VoiceServerTypeView::field).toList());
        return view;
    }

    private static Map<String, Object> field(ConnectionField field) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", field.name());
        view.put("kind", field.kind().name().toLowerCase(Locale.ROOT));
        view.put("required", field.isRequired());
        view.put("admin_only", field.isAdminOnly());
        if (field.kind() == ConnectionField.Kind.INTEGER) {
            view.put("min", field.min());
            view.put("max", field.max());
        } else {
            view.put("max_length", field.maxLength());
        }
        return view;
    }

    static List<Map<String, Object>> all(ProviderRegistry registry) {
        return registry.types().entrySet().stream().map(entry -> of(entry.getKey(), entry.getValue())).toList();
    }
}
