package org.voicepanel.host.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.host.backup.BackupOperations;
import org.voicepanel.host.backup.catalog.BackupLimits;
import org.voicepanel.host.backup.catalog.CatalogEntry;
import org.voicepanel.host.backup.catalog.LimitsStore;
import org.voicepanel.host.backup.catalog.SnapshotCatalog;
import org.voicepanel.host.service.Service;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/**
 * Removes the scheduled snapshots the retention no longer keeps, after a new one is stored, and checks before a run
 * that its snapshot will fit the service's limits once rotated. Touches only scheduled, unpinned snapshots, never
 * the service's newest one; bytes and row go together through the provider's delete handler. Runs under the
 * service lock. Thread-safe.
 */
@Component
class Rotation {

    static final long NOT_STORED_YET = -1;

    private final BackupOperations operations;
    private final SnapshotCatalog catalog;
    private final LimitsStore limits;
    private final Clock clock;

    Rotation(BackupOperations operations, SnapshotCatalog catalog, LimitsStore limits, Clock clock) {
        this.operations = operations;
        this.catalog = catalog;
        this.limits = limits;
        this.clock = clock;
    }

    /** Rotates after {@code stored} was stored; returns how many snapshots were removed. */
    int rotate(Service service, BackupSchedule schedule, long stored) {
        List<SnapshotInfo> snapshots = operations.list(service);
        Set<Long> doomed = removable(snapshots, catalog.entries(service.id()), schedule, stored, clock.instant());
        int removed = 0;
        for (long snapshotId : doomed) {
            // a pin set while this run went on wins
            if (catalog.entry(service.id(), snapshotId).pinned()) {
                continue;
            }
            operations.delete(service, snapshotId);
            catalog.forget(service.id(), snapshotId);
            removed++;
        }
        return removed;
    }

    /** Refuses the run when its snapshot would not fit the limits even after rotation. */
    void requireRoom(Service service, BackupSchedule schedule) {
        BackupLimits limit = limits.of(service.id());
        if (limit.maxSnapshots() <= 0 && limit.maxBytes() <= 0) {
            return;
        }
        List<SnapshotInfo> snapshots = new ArrayList<>(operations.list(service));
        Map<Long, CatalogEntry> entries = catalog.entries(service.id());
        long estimate = snapshots.stream().filter(info -> scheduled(entries, info)).findFirst()
                .map(SnapshotInfo::size).orElse(0L);
        Set<Long> doomed = removable(snapshots, entries, schedule, NOT_STORED_YET, clock.instant());
        int count = snapshots.size() - doomed.size() + 1;
        long bytes = snapshots.stream().filter(info -> !doomed.contains(info.snapshotId()))
                .mapToLong(SnapshotInfo::size).sum() + estimate;
        if (limit.maxSnapshots() > 0 && count > limit.maxSnapshots()) {
            throw new ApiException(ErrorCode.QUOTA_EXCEEDED, "The limit of " + limit.maxSnapshots()
                    + " snapshots is reached even after rotation; pinned, created and uploaded snapshots are never"
                    + " removed to make room.");
        }
        if (limit.maxBytes() > 0 && bytes > limit.maxBytes()) {
            throw new ApiException(ErrorCode.QUOTA_EXCEEDED, "The limit of " + limit.maxBytes()
                    + " bytes of snapshots is reached even after rotation; pinned, created and uploaded snapshots"
                    + " are never removed to make room.");
        }
    }

    /**
     * The scheduled, unpinned snapshots the retention drops once {@code stored} is in (it may not be stored yet:
     * then it counts as the newest); never {@code stored} itself nor the service's newest snapshot.
     */
    static Set<Long> removable(List<SnapshotInfo> snapshots, Map<Long, CatalogEntry> entries,
                               BackupSchedule schedule, long stored, Instant now) {
        List<RetentionPolicy.Candidate> candidates = new ArrayList<>();
        snapshots.stream()
                .filter(info -> scheduled(entries, info) && !entries.get(info.snapshotId()).pinned())
                .forEach(info -> candidates.add(new RetentionPolicy.Candidate(info.snapshotId(), info.createdAt())));
        if (stored == NOT_STORED_YET) {
            candidates.add(new RetentionPolicy.Candidate(NOT_STORED_YET, now));
        }
        Set<Long> doomed = new java.util.HashSet<>(
                RetentionPolicy.toRemove(candidates, schedule.retention(), schedule.zone(), now));
        doomed.remove(stored);
        snapshots.stream().max(Comparator.comparing(SnapshotInfo::createdAt).thenComparing(SnapshotInfo::snapshotId))
                .ifPresent(newest -> doomed.remove(newest.snapshotId()));
        return doomed;
    }

    private static boolean scheduled(Map<Long, CatalogEntry> entries, SnapshotInfo info) {
        CatalogEntry entry = entries.get(info.snapshotId());
        return entry != null && entry.scheduled();
    }
}
