package org.voicepanel.host.plugin;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginRepository;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;

/**
 * PF4J as the panel uses it: plugin jars only (described by their manifest), the plugin API
 * taken from the host, and providers built by the panel's extension factory.
 */
final class PanelPluginManager extends DefaultPluginManager {

    private ExtensionFactory extensionFactory;

    PanelPluginManager(Path pluginsDir, String systemVersion) {
        super(List.of(pluginsDir));
        setSystemVersion(systemVersion);
    }

    /** Set before any extension is asked for; PF4J creates its factory too early for constructor injection. */
    void useExtensionFactory(ExtensionFactory factory) {
        this.extensionFactory = factory;
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        return new ExtensionFactory() {
            @Override
            public <T> T create(Class<T> extensionClass) {
                return extensionFactory.create(extensionClass);
            }
        };
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new JarPluginRepository(getPluginsRoots());
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new ManifestPluginDescriptorFinder();
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader().add(new JarPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return new ApiFirstPluginClassLoader(pluginManager, descriptor, getClass().getClassLoader());
            }
        });
    }

    /** The plugin paths PF4J would load, so that each can be loaded and reported on its own. */
    List<Path> pluginPaths() {
        return pluginRepository.getPluginPaths();
    }
}
