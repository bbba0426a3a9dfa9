package org.voicepanel.host.plugin;

import org.voicepanel.api.BackupRouteTable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Voice-server type → the routes of the one provider serving it. A second claim is refused. */
public final class ProviderRegistry {

    /** The routes of a type and the plugin that registered them. */
    public record Registration(String pluginId, BackupRouteTable routes) {
    }

    private final Map<String, Registration> byType = new ConcurrentHashMap<>();

    /** Claims a type for a plugin; returns the plugin already serving it when the claim is refused. */
    Optional<String> claim(String type, String pluginId, BackupRouteTable routes) {
        Registration previous = byType.putIfAbsent(type, new Registration(pluginId, routes));
        return previous == null ? Optional.empty() : Optional.of(previous.pluginId());
    }

    void release(String pluginId) {
        byType.values().removeIf(registration -> registration.pluginId().equals(pluginId));
    }

    public Optional<Registration> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
