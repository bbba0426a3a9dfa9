package org.voicepanel.host.backup;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.host.PanelProperties;
import org.voicepanel.host.db.CertificationRetry;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.StorageFailures;

/**
 * One write operation per service at a time, across every panel instance on the database: a
 * lease row with an expiry, renewed while the operation runs, so a crashed instance frees the
 * service once its lease runs out. Times come from the database, so instances need no shared clock.
 */
@Component
public class ServiceLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceLock.class);
    /**
     * How long a request waits for its lock to be released. Longer means the database is gone (the
     * pool waits for a connection): the request answers at once and the release goes on behind it,
     * or the lease frees the service.
     */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(1);
    private static final int RELEASERS = 8;

    private final Jdbi jdbi;
    private final Duration lease;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "service-lock-renewer");
        thread.setDaemon(true);
        return thread;
    });
    private final ThreadPoolExecutor releaser = new ThreadPoolExecutor(0, RELEASERS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "service-lock-releaser");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    public ServiceLock(Jdbi jdbi, PanelProperties panel) {
        this.jdbi = jdbi;
        this.lease = panel.lockLease();
    }

    /** Takes the service's lock or answers SERVICE_BUSY naming what holds it. */
    public Lease acquire(long serviceId, BackupOperation operation) {
        return acquire(serviceId, operation.name());
    }

    /** As {@link #acquire(long, BackupOperation)}, for the panel's own chores on a service, such as {@code RESEAL}. */
    public Lease acquire(long serviceId, String operation) {
        String holder = UUID.randomUUID().toString();
        if (!take(serviceId, operation, holder)) {
            String running = currentOperation(serviceId).map(op -> " (" + op.toLowerCase() + ")").orElse("");
            throw new ApiException(ErrorCode.SERVICE_BUSY, "Another operation" + running
                    + " is running on this server; try again when it has finished.");
        }
        return new Lease(serviceId, holder);
    }

    /**
     * Each statement commits on its own. A delete-then-insert transaction deadlocked when two
     * requests raced for a free service (both lock the gap where the row goes, then both insert),
     * and the loser answered 500 instead of SERVICE_BUSY. A conflict that still happens (three
     * racers, or Galera's certification) means someone is taking the lock: try again, which sees
     * the winner's row, and if it keeps losing call the service busy.
     */
    private boolean take(long serviceId, String operation, String holder) {
        try {
            // the row in the way may be the expired lease of a crashed instance
            return CertificationRetry.run("Taking a service lock", () -> insert(serviceId, operation, holder)
                    || deleteExpired(serviceId) && insert(serviceId, operation, holder));
        } catch (JdbiException e) {
            if (!StorageFailures.isTransactionConflict(e)) {
                throw e;
            }
            log.info("The lock of service {} stayed contended: {}", serviceId, e.toString());
            return false;
        }
    }

    private boolean insert(long serviceId, String operation, String holder) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT IGNORE INTO service_lock (service_id, holder, operation,"
                        + " expires_at) VALUES (?, ?, ?, UTC_TIMESTAMP(3) + INTERVAL ? * 1000 MICROSECOND)")
                .bind(0, serviceId).bind(1, holder).bind(2, operation).bind(3, lease.toMillis())
                .execute()) == 1;
    }

    private boolean deleteExpired(long serviceId) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM service_lock WHERE service_id = ? AND expires_at < UTC_TIMESTAMP(3)")
                .bind(0, serviceId).execute()) == 1;
    }

    private Optional<String> currentOperation(long serviceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT operation FROM service_lock WHERE service_id = ?")
                .bind(0, serviceId).mapTo(String.class).findOne());
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        releaser.shutdown();
    }

    /**
     * A held lock; renewed in the background until released or closed. Used by the one thread that took it.
     */
    public final class Lease implements AutoCloseable {

        private final long serviceId;
        private final String holder;
        private final ScheduledFuture<?> renewal;
        private boolean ended;

        private Lease(long serviceId, String holder) {
            this.serviceId = serviceId;
            this.holder = holder;
            long period = Math.max(1, lease.toMillis() / 3);
            this.renewal = renewer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
        }

        private void renew() {
            try {
                CertificationRetry.run("Renewing a service lock", () -> jdbi.useHandle(h -> h.createUpdate(
                                "UPDATE service_lock SET expires_at = UTC_TIMESTAMP(3)"
                                + " + INTERVAL ? * 1000 MICROSECOND WHERE service_id = ? AND holder = ?")
                        .bind(0, lease.toMillis()).bind(1, serviceId).bind(2, holder).execute()));
            } catch (RuntimeException e) {
                log.warn("The lock of service {} could not be renewed: {}", serviceId, e.toString());
            }
        }

        /**
         * Releases the lock on this thread, for work that has just succeeded: the database answered it a moment
         * ago, so the release needs no bound of its own, and the hand-over to a helper that {@link #close()} makes
         * cost each write a few milliseconds on two busy cores. Closing the lease afterwards does nothing.
         */
        public void release() {
            if (!end()) {
                return;
            }
            delete();
        }

        /** Releases the lock if {@link #release()} did not: waits at most {@link #RELEASE_WAIT} for it. */
        @Override
        public void close() {
            if (!end()) {
                return;
            }
            Future<?> release = releaser.submit(this::delete);
            try {
                release.get(RELEASE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.warn("The lock of service {} is released in the background (the database is slow to answer);"
                        + " else its lease frees it within {} s", serviceId, lease.toSeconds());
            } catch (ExecutionException e) {
                log.warn("The lock of service {} could not be released: {}", serviceId, e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private boolean end() {
            if (ended) {
                return false;
            }
            ended = true;
            renewal.cancel(false);
            return true;
        }

        private void delete() {
            try {
                CertificationRetry.run("Releasing a service lock", () -> jdbi.useHandle(h -> h.createUpdate(
                                "DELETE FROM service_lock WHERE service_id = ? AND holder = ?")
                        .bind(0, serviceId).bind(1, holder).execute()));
            } catch (RuntimeException e) {
                // the lease expires on its own
                log.warn("The lock of service {} could not be released: {}", serviceId, e.toString());
            }
        }
    }
}
