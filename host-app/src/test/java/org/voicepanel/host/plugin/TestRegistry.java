package org.voicepanel.host.plugin;

import java.util.Map;

/** A provider registry as plugin loading would fill it, for tests of what walks the registered providers. */
public final class TestRegistry {

    private TestRegistry() {
    }

    public static ProviderRegistry of(Map<String, ProviderRegistry.Registration> byType) {
        ProviderRegistry registry = new ProviderRegistry();
        byType.forEach(registry::claim);
        return registry;
    }
}
