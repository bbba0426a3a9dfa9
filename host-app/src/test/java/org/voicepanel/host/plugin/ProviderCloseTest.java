package org.voicepanel.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.PluginApiVersion;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.testing.TestSnapshotFileSealer;
import org.voicepanel.host.db.TestDatabase;

/**
 * Providers are closed exactly once: at shutdown for a plugin that serves, at start-up for one that
 * failed after its provider was made (here: a second claim of a type), and never twice. The test
 * provider writes a line per {@code close()} into its plugin's work folder, across the plugin's class
 * loader. (BackupRoutesIT shows the same for the real panel stopped as an operator stops it.)
 */
class ProviderCloseTest {

    @TempDir
    Path folder;

    @Test
    void eachProviderIsClosedOnceWhenThePanelStops() {
        Path plugins = folder.resolve("plugins");
        TestPlugins.good(plugins);
        TestPlugins.voicePlugin(TestPlugins.TWIN, TestPlugins.GOOD_TYPE).writeTo(plugins);

        PluginLoading loading = new PluginLoading(plugins, PluginApiVersion.CURRENT, TestDatabase.dataSource(),
                this::context);

        assertThat(closeCalls(TestPlugins.GOOD)).as("serving plugin, before shutdown").isEmpty();
        assertThat(closeCalls(TestPlugins.TWIN)).as("plugin refused at start-up").hasSize(1);
        assertThat(loading.registry().forType(TestPlugins.GOOD_TYPE)).isPresent();

        loading.close();

        assertThat(closeCalls(TestPlugins.GOOD)).as("serving plugin, after shutdown").hasSize(1);
        assertThat(closeCalls(TestPlugins.TWIN)).as("refused plugin, after shutdown").hasSize(1);
        assertThat(loading.registry().forType(TestPlugins.GOOD_TYPE)).as("routes gone before close").isEmpty();

        loading.close();

        assertThat(closeCalls(TestPlugins.GOOD)).as("after a second shutdown").hasSize(1);
    }

    private ProviderContext context(String pluginId) {
        return new HostProviderContext(pluginId, TestDatabase.dataSource(), key -> Optional.empty(),
                new TestSnapshotFileSealer(), Clock.systemUTC(), workDir(pluginId));
    }

    private Path workDir(String pluginId) {
        try {
            return Files.createDirectories(folder.resolve("work").resolve(pluginId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> closeCalls(String pluginId) {
        Path file = workDir(pluginId).resolve(TestPlugins.CLOSE_CALLS);
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
