package org.voicepanel.api;

import java.util.Optional;

/**
 * A plugin's settings: the panel properties {@code panel.plugins.<pluginId>.<key>}, falling back
 * to {@code panel.<pluginId>.<key>}. Keys are given without the prefix.
 *
 * @since 1.0
 */
public interface ProviderSettings {

    Optional<String> get(String key);

    default String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    default long getLong(String key, long defaultValue) {
        return get(key).map(String::trim).map(Long::parseLong).orElse(defaultValue);
    }

    default boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(String::trim).map(Boolean::parseBoolean).orElse(defaultValue);
    }
}
