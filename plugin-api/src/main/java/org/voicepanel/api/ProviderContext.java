package org.voicepanel.api;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * What the host hands a provider when it creates it. All of it is thread-safe and lives as
 * long as the panel runs.
 *
 * @since 1.0
 */
public interface ProviderContext {

    /** The plugin's id from its manifest. */
    String pluginId();

    /**
     * The panel's database. The host has already run the plugin's Flyway migrations
     * ({@code db/migration/<pluginId>/} in the plugin jar) with their own history table.
     * Borrow connections briefly and close them.
     */
    DataSource dataSource();

    ProviderSettings settings();

    SnapshotFileSealer sealer();

    Clock clock();

    /** A folder of the plugin's own for temporary files; it exists and survives restarts. */
    Path workDir();
}
