package org.voicepanel.host.plugin;

import java.util.Optional;
import org.springframework.core.env.Environment;
import org.voicepanel.api.ProviderSettings;

/** A plugin's settings from the panel's properties: {@code panel.plugins.<id>.<key>}, else {@code panel.<id>.<key>}. */
record EnvironmentProviderSettings(Environment environment, String pluginId) implements ProviderSettings {

    @Override
    public Optional<String> get(String key) {
        String value = environment.getProperty("panel.plugins." + pluginId + "." + key);
        if (value == null) {
            value = environment.getProperty("panel." + pluginId + "." + key);
        }
        return Optional.ofNullable(value);
    }
}
