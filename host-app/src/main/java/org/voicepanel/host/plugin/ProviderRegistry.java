package org.voicepanel.host.plugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.voicepanel.api.ConnectionField;
import org.voicepanel.api.SnapshotFileResealer;

/** Voice-server type → the routes and connection fields of the one provider serving it. A second claim is refused. */
public final class ProviderRegistry {

    /**
     * What a type's provider registered, and the plugin it belongs to; {@code resealer} is empty for a provider that
     * offers none (built for plugin API 2.0, or storing no sealed files).
     */
    public record Registration(String pluginId, RouteTable routes, List<ConnectionField> fields,
                               Optional<SnapshotFileResealer> resealer) {

        public Registration {
            fields = List.copyOf(fields);
        }

        public Registration(String pluginId, RouteTable routes, List<ConnectionField> fields) {
            this(pluginId, routes, fields, Optional.empty());
        }
    }

    private final Map<String, Registration> byType = new ConcurrentHashMap<>();

    /** Claims a type for a plugin; returns the plugin already serving it when the claim is refused. */
    Optional<String> claim(String type, Registration registration) {
        Registration previous = byType.putIfAbsent(type, registration);
        return previous == null ? Optional.empty() : Optional.of(previous.pluginId());
    }

    void release(String pluginId) {
        byType.values().removeIf(registration -> registration.pluginId().equals(pluginId));
    }

    public Optional<Registration> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Every type served now, by name. */
    public java.util.SortedMap<String, Registration> types() {
        return new java.util.TreeMap<>(byType);
    }
}
