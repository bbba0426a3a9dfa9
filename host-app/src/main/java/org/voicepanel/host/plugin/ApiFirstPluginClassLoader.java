package org.voicepanel.host.plugin;

import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin class loader that always takes the plugin API and SLF4J from the host. A plugin jar
 * that bundles its own copy of either would otherwise see a different {@code VoiceBackupProvider}
 * (its extension then never matches) or lose its logging.
 */
final class ApiFirstPluginClassLoader extends PluginClassLoader {

    private static final String[] HOST_PACKAGES = {"org.voicepanel.api.", "org.slf4j."};

    ApiFirstPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        for (String prefix : HOST_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return super.shouldDelegateToParent(className);
    }
}
