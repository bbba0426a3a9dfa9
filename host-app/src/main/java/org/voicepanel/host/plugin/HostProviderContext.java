package org.voicepanel.host.plugin;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.ProviderSettings;
import org.voicepanel.api.SnapshotFileSealer;

/** The context the host hands each provider. */
public record HostProviderContext(String pluginId, DataSource dataSource, ProviderSettings settings,
                                  SnapshotFileSealer sealer, Clock clock, Path workDir) implements ProviderContext {
}
