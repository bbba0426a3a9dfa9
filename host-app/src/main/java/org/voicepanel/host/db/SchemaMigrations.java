package org.voicepanel.host.db;

import java.time.Duration;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Flyway for the host and for each plugin. Every owner gets its own history table, so a
 * plugin's scripts never interleave with the host's or another plugin's. Safe when any number of
 * panels start at once, on one MariaDB or on the nodes of a Galera cluster: each owner's scripts
 * run under a {@link MigrationLock}, on connections with a read timeout, and a run that lost a
 * certification race runs again. A script that failed on an earlier start (MariaDB cannot roll DDL
 * back, so Flyway records it as failed) is tried again rather than refused for ever.
 */
public final class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    /** How long a starting panel waits for another that is migrating and renewing its lock. */
    static final Duration LOCK_PATIENCE = Duration.ofMinutes(10);

    private SchemaMigrations() {
    }

    public static void migrateHost(DataSource dataSource) {
        migrate(dataSource, SchemaMigrations.class.getClassLoader(), "host");
    }

    /** Migrates {@code db/migration/<owner>/} found through {@code classLoader}. */
    public static void migrate(DataSource dataSource, ClassLoader classLoader, String owner) {
        String safeOwner = owner.replaceAll("[^A-Za-z0-9_]", "_");
        DataSource connections = new MigrationConnections(dataSource);
        Flyway flyway = Flyway.configure(classLoader)
                .dataSource(connections)
                .locations("classpath:db/migration/" + owner)
                .table("flyway_history_" + safeOwner)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(false)
                .load();
        try (MigrationLock lock = MigrationLock.acquire(connections, safeOwner, LOCK_PATIENCE)) {
            CertificationRetry.run("Migrating the schema of " + owner, () -> {
                forgetFailedScripts(flyway, owner);
                flyway.migrate();
            });
        }
    }

    private static void forgetFailedScripts(Flyway flyway, String owner) {
        MigrationInfo[] failed = Arrays.stream(flyway.info().all())
                .filter(info -> info.getState() == MigrationState.FAILED)
                .toArray(MigrationInfo[]::new);
        if (failed.length > 0) {
            log.warn("The schema of {} has scripts that failed on an earlier start ({}); they run again", owner,
                    Arrays.stream(failed).map(MigrationInfo::getScript).toList());
            flyway.repair();
        }
    }
}
