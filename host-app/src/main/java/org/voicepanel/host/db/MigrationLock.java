package org.voicepanel.host.db;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets one panel at a time migrate one schema owner (the host, or a plugin), across every panel on
 * the database. Flyway's own lock is not enough: on a Galera cluster it falls back to
 * {@code SELECT ... FOR UPDATE}, which holds on the local node only, so panels on two nodes ran
 * the same scripts together. A row inserted into {@code panel_migration_lock} is certified
 * cluster-wide instead: of two panels inserting it at once on two nodes, one commits and the other
 * gets a certification failure, retries, and waits while the row is there. The row carries a lease,
 * renewed while the migration runs, so a panel killed while migrating holds the others up for one
 * lease at most. Times come from the database. See docs/operations.md.
 *
 * <p>The table is created here, before any Flyway run, because the lock must exist before the
 * first migration does. One instance is one held lock; not shared between threads.
 */
final class MigrationLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MigrationLock.class);
    static final String TABLE = "panel_migration_lock";
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    private final Jdbi jdbi;
    private final String owner;
    private final String holder;
    private final ScheduledExecutorService renewer;

    private MigrationLock(Jdbi jdbi, String owner, String holder) {
        this.jdbi = jdbi;
        this.owner = owner;
        this.holder = holder;
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "migration-lock-" + owner);
            thread.setDaemon(true);
            return thread;
        });
        long period = LEASE.toMillis() / 3;
        renewer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lock of {@code owner}, waiting while another panel holds it.
     *
     * @param patience how long to wait for a holder that keeps renewing its lease
     * @throws IllegalStateException when the lock could not be had within {@code patience}
     */
    static MigrationLock acquire(DataSource dataSource, String owner, Duration patience) {
        Jdbi jdbi = Jdbi.create(dataSource);
        createTable(jdbi);
        String holder = holderName();
        Instant deadline = Instant.now().plus(patience);
        boolean waited = false;
        while (!CertificationRetry.run("Taking the migration lock", () -> take(jdbi, owner, holder))) {
            Optional<String> other = currentHolder(jdbi, owner);
            if (!waited) {
                log.info("Another panel ({}) is migrating the schema of {}; waiting for it", other.orElse("gone"),
                        owner);
                waited = true;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The schema of " + owner + " stayed locked by another panel ("
                        + other.orElse("gone") + ") for " + patience.toSeconds() + " s");
            }
            sleep(POLL);
        }
        if (waited) {
            log.info("The other panel has finished; this panel checks the schema of {}", owner);
        }
        return new MigrationLock(jdbi, owner, holder);
    }

    private static void createTable(Jdbi jdbi) {
        // Galera replicates only tables with a primary key
        jdbi.useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + " owner VARCHAR(64) NOT NULL PRIMARY KEY,"
                + " holder VARCHAR(128) NOT NULL,"
                + " expires_at DATETIME(3) NOT NULL"
                + ") ENGINE = InnoDB"));
    }

    /** Each statement commits on its own, so each is one write-set to certify. */
    private static boolean take(Jdbi jdbi, String owner, String holder) {
        return insert(jdbi, owner, holder) || deleteExpired(jdbi, owner) && insert(jdbi, owner, holder);
    }

    private static boolean insert(Jdbi jdbi, String owner, String holder) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT IGNORE INTO " + TABLE + " (owner, holder, expires_at)"
                        + " VALUES (?, ?, UTC_TIMESTAMP(3) + INTERVAL ? * 1000 MICROSECOND)")
                .bind(0, owner).bind(1, holder).bind(2, LEASE.toMillis()).execute()) == 1;
    }

    private static boolean deleteExpired(Jdbi jdbi, String owner) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM " + TABLE
                + " WHERE owner = ? AND expires_at < UTC_TIMESTAMP(3)").bind(0, owner).execute()) == 1;
    }

    private static Optional<String> currentHolder(Jdbi jdbi, String owner) {
        return jdbi.withHandle(h -> h.createQuery("SELECT holder FROM " + TABLE + " WHERE owner = ?")
                .bind(0, owner).mapTo(String.class).findOne());
    }

    private void renew() {
        try {
            int renewed = CertificationRetry.run("Renewing the migration lock", () -> jdbi.withHandle(h ->
                    h.createUpdate("UPDATE " + TABLE + " SET expires_at = UTC_TIMESTAMP(3) + INTERVAL ? * 1000"
                                    + " MICROSECOND WHERE owner = ? AND holder = ?")
                            .bind(0, LEASE.toMillis()).bind(1, owner).bind(2, holder).execute()));
            if (renewed == 0) {
                log.error("The migration lock of {} was lost (its lease ran out); another panel may migrate too",
                        owner);
            }
        } catch (RuntimeException e) {
            log.warn("The migration lock of {} could not be renewed: {}", owner, e.toString());
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            CertificationRetry.run("Releasing the migration lock", () -> jdbi.useHandle(h -> h.createUpdate(
                            "DELETE FROM " + TABLE + " WHERE owner = ? AND holder = ?")
                    .bind(0, owner).bind(1, holder).execute()));
        } catch (RuntimeException e) {
            log.warn("The migration lock of {} could not be released; it ends with its lease in {} s: {}", owner,
                    LEASE.toSeconds(), e.toString());
        }
    }

    /** Names the panel in the log of the panel that waits for it. */
    private static String holderName() {
        String name = ManagementFactory.getRuntimeMXBean().getName() + " " + UUID.randomUUID().toString()
                .substring(0, 8);
        return name.length() <= 128 ? name : name.substring(name.length() - 128);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the migration lock", e);
        }
    }
}
