package org.voicepanel.api.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.ProviderSettings;
import org.voicepanel.api.SnapshotFileSealer;

/** A {@link ProviderContext} put together by a test from real parts it supplies. */
public final class TestProviderContext implements ProviderContext {

    private final String pluginId;
    private final DataSource dataSource;
    private final Map<String, String> settings;
    private final SnapshotFileSealer sealer;
    private final Clock clock;
    private final Path workDir;

    public TestProviderContext(String pluginId, DataSource dataSource, Map<String, String> settings,
                               SnapshotFileSealer sealer, Clock clock, Path workDir) {
        this.pluginId = pluginId;
        this.dataSource = dataSource;
        this.settings = new HashMap<>(settings);
        this.sealer = sealer;
        this.clock = clock;
        this.workDir = workDir;
    }

    public TestProviderContext(String pluginId, DataSource dataSource, Path workDir) {
        this(pluginId, dataSource, Map.of(), new TestSnapshotFileSealer(), Clock.systemUTC(), workDir);
    }

    /** The same context with one more setting (key without the plugin prefix). */
    public TestProviderContext withSetting(String key, String value) {
        Map<String, String> more = new HashMap<>(settings);
        more.put(key, value);
        return new TestProviderContext(pluginId, dataSource, more, sealer, clock, workDir);
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public ProviderSettings settings() {
        return key -> Optional.ofNullable(settings.get(key));
    }

    @Override
    public SnapshotFileSealer sealer() {
        return sealer;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Path workDir() {
        return workDir;
    }
}
