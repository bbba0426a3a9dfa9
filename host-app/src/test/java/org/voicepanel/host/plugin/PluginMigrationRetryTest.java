package org.voicepanel.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import org.voicepanel.api.PluginApiVersion;
import org.voicepanel.host.db.TestDatabase;

/**
 * A plugin whose database migration fails: it serves nothing and the panel's health says DOWN
 * (never UP with no backups), and the next start runs the failed script again.
 */
class PluginMigrationRetryTest {

    @TempDir
    Path folder;

    private final String pluginId = "retried" + TestDatabase.unique("").replace("-", "");

    @Test
    void failedMigrationMakesHealthDownAndRunsAgainAtTheNextStart() {
        Path plugins = folder.resolve("plugins");
        PluginJar.of(pluginId)
                .sourceFromClasspath("test-plugins/voice/TestVoiceProvider.java")
                .source("VoiceType", """
                        package org.example.voice;

                        final class VoiceType {
                            static final String NAME = "%s";
                        }
                        """.formatted(pluginId))
                .extension("org.example.voice.TestVoiceProvider")
                .resource("db/migration/" + pluginId + "/V1__needs_a_table.sql", """
                        CREATE TABLE IF NOT EXISTS %1$s_server (service_id BIGINT NOT NULL PRIMARY KEY,
                            config TEXT NOT NULL) ENGINE = InnoDB;
                        INSERT INTO %1$s_needed (id) VALUES (1);
                        """.formatted(pluginId))
                .writeTo(plugins);

        try (PluginLoading first = load(plugins)) {
            PluginReport report = report(first);
            assertThat(report.state()).isEqualTo("FAILED");
            assertThat(report.reason()).startsWith("its database migration failed");
            assertThat(first.unmigrated()).containsExactly(pluginId);
            assertThat(new PluginsHealthIndicator(first).health().getStatus()).isEqualTo(Status.DOWN);
        }

        TestDatabase.jdbi().useHandle(h -> h.execute("CREATE TABLE " + pluginId
                + "_needed (id INT NOT NULL PRIMARY KEY) ENGINE = InnoDB"));

        try (PluginLoading next = load(plugins)) {
            assertThat(report(next).state()).isEqualTo("STARTED");
            assertThat(next.unmigrated()).isEmpty();
            assertThat(new PluginsHealthIndicator(next).health().getStatus()).isEqualTo(Status.UP);
        }
    }

    private PluginLoading load(Path plugins) {
        return new PluginLoading(plugins, PluginApiVersion.CURRENT, TestDatabase.dataSource(),
                id -> new HostProviderContext(id, TestDatabase.dataSource(), key -> Optional.empty(), null,
                        Clock.systemUTC(), folder.resolve("work")));
    }

    private PluginReport report(PluginLoading loading) {
        return loading.reports().stream().filter(r -> r.id().equals(pluginId)).findFirst().orElseThrow();
    }
}
