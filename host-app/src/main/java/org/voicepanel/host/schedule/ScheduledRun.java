package org.voicepanel.host.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.host.backup.BackupOperations;
import org.voicepanel.host.backup.ServiceLock;
import org.voicepanel.host.backup.catalog.SnapshotCatalog;
import org.voicepanel.host.service.Service;
import org.voicepanel.host.service.ServiceStore;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/**
 * One scheduled run of one service for one due time (docs/backups.md): under a host slot and the service lock, it
 * takes a snapshot through the provider's create handler, records it as scheduled, and rotates. A due time that
 * already has its snapshot does nothing, and a run taken over from a killed panel adopts the snapshot that panel
 * stored before it died, so each due time gives exactly one snapshot. Thread-safe.
 */
@Component
class ScheduledRun {

    /** What the scheduler does next with the service's execution. */
    enum Outcome { DONE, RETRY_SOON, RETRY_LATER }

    static final String ACTOR = "schedule";
    private static final Logger log = LoggerFactory.getLogger(ScheduledRun.class);

    private final ServiceStore services;
    private final ScheduleStore schedules;
    private final RunStore runs;
    private final SnapshotCatalog catalog;
    private final BackupOperations operations;
    private final ServiceLock lock;
    private final HostSlots hostSlots;
    private final Rotation rotation;
    private final BackupMetrics metrics;
    private final FailureWebhook webhook;
    private final Clock clock;

    ScheduledRun(ServiceStore services, ScheduleStore schedules, RunStore runs, SnapshotCatalog catalog,
                 BackupOperations operations, ServiceLock lock, HostSlots hostSlots, Rotation rotation,
                 BackupMetrics metrics, FailureWebhook webhook, Clock clock) {
        this.services = services;
        this.schedules = schedules;
        this.runs = runs;
        this.catalog = catalog;
        this.operations = operations;
        this.lock = lock;
        this.hostSlots = hostSlots;
        this.rotation = rotation;
        this.metrics = metrics;
        this.webhook = webhook;
        this.clock = clock;
    }

    Outcome run(long serviceId, Instant dueAt, Instant plannedStart) {
        Optional<Service> found = services.byId(serviceId);
        if (found.isEmpty() || !schedules.effective(serviceId).enabled()) {
            return Outcome.DONE;
        }
        Service service = found.get();
        if (runs.find(serviceId, dueAt).filter(run -> run.snapshotId() != null).isPresent()) {
            return Outcome.DONE;
        }
        Optional<HostSlots.Slot> slot = hostSlots.tryTake(hostKey(service));
        if (slot.isEmpty()) {
            return Outcome.RETRY_SOON;
        }
        try (HostSlots.Slot held = slot.get()) {
            return underLock(service, dueAt, plannedStart);
        }
    }

    private Outcome underLock(Service service, Instant dueAt, Instant plannedStart) {
        ServiceLock.Lease lease;
        try {
            lease = lock.acquire(service.id(), BackupOperation.CREATE);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.SERVICE_BUSY) {
                log.info("Service {} is busy; its run due {} is tried again later", service.id(), dueAt);
                metrics.busy();
                return Outcome.RETRY_LATER;
            }
            throw e;
        }
        try (lease) {
            Optional<RunStore.Run> earlier = runs.find(service.id(), dueAt);
            if (earlier.filter(run -> run.snapshotId() != null).isPresent()) {
                return Outcome.DONE;
            }
            Instant started = clock.instant();
            metrics.started(Duration.between(plannedStart, started));
            runs.start(service.id(), dueAt, started);
            log.info("Scheduled run of service {} for {} starts", service.id(), dueAt);
            try {
                long snapshotId = adoptOrCreate(service, earlier);
                if (!runs.succeeded(service.id(), dueAt, snapshotId, clock.instant())) {
                    log.warn("Service {}: the run for {} was completed by another panel meanwhile; snapshot {} is"
                            + " one too many and is removed", service.id(), dueAt, snapshotId);
                    operations.delete(service, snapshotId);
                    return Outcome.DONE;
                }
                int removed = rotation.rotate(service, schedules.effective(service.id()), snapshotId);
                metrics.rotated(removed);
                metrics.finished("succeeded", Duration.between(started, clock.instant()));
                log.info("Scheduled snapshot {} of service {} for {} stored; {} rotated out", snapshotId, service.id(),
                        dueAt, removed);
            } catch (RuntimeException e) {
                String sentence = sentence(e);
                runs.failed(service.id(), dueAt, sentence, clock.instant());
                metrics.finished("failed", Duration.between(started, clock.instant()));
                log.warn("Scheduled run of service {} for {} failed: {}", service.id(), dueAt, sentence);
                webhook.runFailed(service, dueAt, started, sentence);
            }
            return Outcome.DONE;
        }
    }

    /**
     * A run whose row says it started before, without a snapshot, was cut off: if that panel stored the snapshot
     * before it died, it is in the provider's list, unclaimed, newer than that start; it becomes this run's.
     */
    private long adoptOrCreate(Service service, Optional<RunStore.Run> earlier) {
        if (earlier.isPresent()) {
            Instant since = earlier.get().startedAt().minusSeconds(1);
            var entries = catalog.entries(service.id());
            Optional<SnapshotInfo> orphan = operations.list(service).stream()
                    .filter(info -> info.origin() == SnapshotOrigin.CREATED && ACTOR.equals(info.createdBy()))
                    .filter(info -> !info.createdAt().isBefore(since))
                    .filter(info -> !entries.containsKey(info.snapshotId()))
                    .findFirst();
            if (orphan.isPresent()) {
                log.info("Service {}: snapshot {} of a run cut off earlier is adopted", service.id(),
                        orphan.get().snapshotId());
                return orphan.get().snapshotId();
            }
        }
        rotation.requireRoom(service, schedules.effective(service.id()));
        long snapshotId = operations.create(service, ACTOR);
        operations.list(service).stream().filter(info -> info.snapshotId() == snapshotId).findFirst()
                .ifPresent(info -> metrics.stored(info.size()));
        return snapshotId;
    }

    private static String sentence(RuntimeException e) {
        if (e instanceof BackupException || e instanceof ApiException) {
            return e.getMessage();
        }
        log.error("Scheduled run failed", e);
        return "Something went wrong on the panel; its log has the details.";
    }

    /** One voice-server instance: its host and the ports its type connects to (a query or Ice port). */
    static String hostKey(Service service) {
        StringBuilder key = new StringBuilder(service.host());
        new TreeMap<>(service.fields()).forEach((name, value) -> {
            if (name.endsWith("_port")) {
                key.append(':').append(value);
            }
        });
        return key.toString();
    }
}
