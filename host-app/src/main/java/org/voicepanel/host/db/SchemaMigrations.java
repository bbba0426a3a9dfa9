package org.voicepanel.host.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Runs Flyway for the host and for each plugin. Every owner gets its own history table, so a
 * plugin's scripts never interleave with the host's or another plugin's.
 */
public final class SchemaMigrations {

    private SchemaMigrations() {
    }

    public static void migrateHost(DataSource dataSource) {
        migrate(dataSource, SchemaMigrations.class.getClassLoader(), "host");
    }

    /** Migrates {@code db/migration/<owner>/} found through {@code classLoader}. */
    public static void migrate(DataSource dataSource, ClassLoader classLoader, String owner) {
        String safeOwner = owner.replaceAll("[^A-Za-z0-9_]", "_");
        Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + owner)
                .table("flyway_history_" + safeOwner)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(false)
                .load()
                .migrate();
    }
}
