package org.voicepanel.host.keys;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voicepanel.api.SnapshotFileResealer;
import org.voicepanel.host.backup.ServiceLock;
import org.voicepanel.host.db.ChoreLease;
import org.voicepanel.host.keys.ResealRuns.Failure;
import org.voicepanel.host.keys.ResealRuns.Run;
import org.voicepanel.host.keys.ResealRuns.State;
import org.voicepanel.host.plugin.ProviderRegistry;
import org.voicepanel.host.service.ServiceStore;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/**
 * Seals every stored snapshot file of every plugin again with the snapshot-file keyset's primary key, in the
 * background: one run at a time across all instances (the chore lease {@value #CHORE}, renewed while it runs),
 * service by service under the service's lock, one snapshot per transaction in the plugin's store. A run that
 * stops half-way (the panel stopped or crashed) leaves every snapshot wholly old or wholly new; the next run
 * skips those already current. Progress is kept in the database ({@link ResealRuns}).
 */
@Component
public class SnapshotReseal {

    static final String CHORE = "snapshot-reseal";
    private static final Logger log = LoggerFactory.getLogger(SnapshotReseal.class);
    private static final Duration LEASE = Duration.ofMinutes(1);
    /** A busy service (a restore, say) is tried again after the others, this many times, this far apart. */
    private static final int BUSY_ROUNDS = 3;
    private static final Duration BUSY_PAUSE = Duration.ofSeconds(10);

    private final PanelKeysets keysets;
    private final ServiceStore services;
    private final ProviderRegistry registry;
    private final ServiceLock locks;
    private final ChoreLease lease;
    private final ResealRuns runs;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "snapshot-reseal");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean shutdown;
    private volatile boolean leaseLost;
    private volatile boolean running;

    SnapshotReseal(PanelKeysets keysets, ServiceStore services, ProviderRegistry registry, ServiceLock locks,
                   ChoreLease lease, ResealRuns runs) {
        this.keysets = keysets;
        this.services = services;
        this.registry = registry;
        this.locks = locks;
        this.lease = lease;
        this.runs = runs;
    }

    /**
     * Starts a run for the primary key {@code keyId} unless one runs already, here or on another instance; returns
     * the run that now runs (or the newest one).
     */
    synchronized Optional<Run> start(int keyId) {
        if (!running && !shutdown && lease.take(CHORE, LEASE)) {
            running = true;
            leaseLost = false;
            try {
                long runId = runs.start(keyId);
                executor.execute(() -> run(runId));
            } catch (RuntimeException e) {
                running = false;
                lease.release(CHORE);
                throw e;
            }
        }
        return status();
    }

    /**
     * The newest run; one marked running whose lease ran out (its instance stopped) as interrupted. The lease is
     * looked at before the row: a run records its end before it gives the lease up, so a free lease and a row
     * still running mean a run that never ended, unless a new one took the lease meanwhile (looked at again).
     */
    Optional<Run> status() {
        boolean held = lease.held(CHORE);
        return runs.latest().map(run -> run.state() == State.RUNNING && !held && !lease.held(CHORE)
                ? run.interrupted() : run);
    }

    @PreDestroy
    void stop() {
        shutdown = true;
        executor.shutdownNow();
    }

    private void run(long runId) {
        ScheduledFuture<?> renewal = executor.scheduleAtFixedRate(this::renew, LEASE.toMillis() / 3,
                LEASE.toMillis() / 3, TimeUnit.MILLISECONDS);
        State end = State.INTERRUPTED;
        try {
            log.info("Re-sealing the stored snapshot files with key {} (run {})", keysets.snapshotFilePrimaryKeyId(),
                    runId);
            List<Long> busy = new ArrayList<>();
            Map<Long, String> types = services.typesById();
            for (var service : types.entrySet()) {
                if (!halted() && !resealService(runId, service.getKey(), service.getValue())) {
                    busy.add(service.getKey());
                }
            }
            for (int round = 0; round < BUSY_ROUNDS && !busy.isEmpty() && !halted(); round++) {
                Thread.sleep(BUSY_PAUSE.toMillis());
                busy.removeIf(serviceId -> halted() || resealService(runId, serviceId, types.get(serviceId)));
            }
            for (long serviceId : busy) {
                runs.failed(runId, new Failure(null, serviceId, null,
                        "The service stayed busy with another operation; run the re-seal again."));
            }
            end = halted() ? State.INTERRUPTED : State.FINISHED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("The snapshot re-seal (run {}) stopped: {}", runId, e.toString(), e);
        } finally {
            renewal.cancel(false);
            finish(runId, end);
        }
    }

    /** Re-seals one service's snapshots; false when the service was busy and should be tried again. */
    private boolean resealService(long runId, long serviceId, String type) {
        Optional<ProviderRegistry.Registration> registration = registry.forType(type);
        if (registration.isEmpty()) {
            runs.failed(runId, new Failure(null, serviceId, null, "No loaded plugin serves its type " + type
                    + ", so its snapshots keep the key they were sealed with."));
            return true;
        }
        String pluginId = registration.get().pluginId();
        Optional<SnapshotFileResealer> resealer = registration.get().resealer();
        if (resealer.isEmpty()) {
            runs.failed(runId, new Failure(pluginId, serviceId, null, "Plugin " + pluginId + " cannot re-seal its"
                    + " snapshot files (it was built for plugin API 2.0), so they keep the key they were sealed with."));
            return true;
        }
        try (ServiceLock.Lease held = locks.acquire(serviceId, "RESEAL")) {
            for (long snapshotId : resealer.get().snapshotIds(serviceId)) {
                if (halted()) {
                    return true;
                }
                reseal(runId, pluginId, resealer.get(), serviceId, snapshotId);
            }
        } catch (ApiException e) {
            if (e.code() == ErrorCode.SERVICE_BUSY) {
                return false;
            }
            runs.failed(runId, new Failure(pluginId, serviceId, null, e.getMessage()));
        } catch (RuntimeException e) {
            // e.g. the plugin's store unavailable while listing: the next run tries again
            runs.failed(runId, new Failure(pluginId, serviceId, null, message(e)));
        }
        return true;
    }

    private void reseal(long runId, String pluginId, SnapshotFileResealer resealer, long serviceId, long snapshotId) {
        try {
            switch (resealer.reseal(serviceId, snapshotId)) {
                case RESEALED -> runs.resealed(runId);
                case CURRENT -> runs.skipped(runId);
                case GONE -> {
                    // deleted meanwhile: nothing left that needs a key
                }
            }
        } catch (IOException | RuntimeException e) {
            if (halted()) {
                return; // the panel stops (or the lease was lost): rolled back, not a failure of the file
            }
            log.warn("Snapshot {} of service {} (plugin {}) was not re-sealed: {}", snapshotId, serviceId, pluginId,
                    e.toString());
            runs.failed(runId, new Failure(pluginId, serviceId, snapshotId, message(e)));
        }
    }

    private void renew() {
        try {
            if (!lease.renew(CHORE, LEASE)) {
                log.warn("The snapshot re-seal lost its lease (the database was unreachable for over {} s); it stops",
                        LEASE.toSeconds());
                leaseLost = true;
            }
        } catch (RuntimeException e) {
            log.warn("The snapshot re-seal's lease could not be renewed: {}", e.toString());
        }
    }

    private void finish(long runId, State end) {
        try {
            runs.finish(runId, end);
            log.info("Snapshot re-seal run {} {}", runId, end.wire());
        } catch (RuntimeException e) {
            log.warn("The end of snapshot re-seal run {} could not be recorded: {}", runId, e.toString());
        } finally {
            running = false;
            try {
                lease.release(CHORE);
            } catch (RuntimeException e) {
                log.warn("The snapshot re-seal's lease is left to run out: {}", e.toString());
            }
        }
    }

    private boolean halted() {
        return shutdown || leaseLost;
    }

    private static String message(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
