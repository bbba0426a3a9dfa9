package org.voicepanel.host.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.voicepanel.api.PluginApiVersion;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.host.PanelProperties;

@Configuration(proxyBeanMethods = false)
class PluginConfiguration {

    @Bean(destroyMethod = "close")
    PluginLoading pluginLoading(PanelProperties panel, DataSource dataSource, SnapshotFileSealer sealer, Clock clock,
                                Environment environment) {
        return new PluginLoading(panel.pluginsDir(), PluginApiVersion.CURRENT, dataSource,
                pluginId -> new HostProviderContext(pluginId, dataSource,
                        new EnvironmentProviderSettings(environment, pluginId), sealer, clock,
                        workDir(panel.dataDir(), pluginId)));
    }

    @Bean
    ProviderRegistry providerRegistry(PluginLoading loading) {
        return loading.registry();
    }

    private static Path workDir(Path dataDir, String pluginId) {
        try {
            return Files.createDirectories(dataDir.resolve("plugins").resolve(pluginId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
