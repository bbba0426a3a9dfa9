package org.voicepanel.host.backup.catalog;

import java.util.List;
import org.springframework.stereotype.Component;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.host.backup.BackupOperations;
import org.voicepanel.host.service.Service;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/**
 * What the backup routes check and record beside the provider's work: quotas and the cooldown before a create or
 * upload, the pin before a delete, and pin, label and origin in the list (docs/backups.md). Writes run under the
 * service lock. Thread-safe.
 */
@Component
public class SnapshotRules {

    private final SnapshotCatalog catalog;
    private final LimitsStore limits;
    private final CreateCooldown cooldown;
    private final BackupOperations operations;

    SnapshotRules(SnapshotCatalog catalog, LimitsStore limits, CreateCooldown cooldown, BackupOperations operations) {
        this.catalog = catalog;
        this.limits = limits;
        this.cooldown = cooldown;
        this.operations = operations;
    }

    public void beforeManualCreate(Service service) {
        cooldown.check(service.id());
        requireRoom(service, 0);
    }

    public void afterManualCreate(Service service) {
        cooldown.record(service.id());
    }

    public void beforeUpload(Service service, long size) {
        requireRoom(service, size);
    }

    public void beforeDelete(Service service, long snapshotId) {
        if (catalog.entry(service.id(), snapshotId).pinned()) {
            throw new ApiException(ErrorCode.SNAPSHOT_PINNED, "Snapshot " + snapshotId
                    + " is pinned; unpin it before deleting it.");
        }
    }

    public void afterDelete(Service service, long snapshotId) {
        catalog.forget(service.id(), snapshotId);
    }

    /** The provider's list with pin, label and origin, and the service's quota use. */
    public SnapshotListing listing(Service service, List<SnapshotInfo> snapshots) {
        return new SnapshotListing(snapshots, catalog.entries(service.id()),
                QuotaUse.of(snapshots, limits.of(service.id())));
    }

    public QuotaUse use(Service service) {
        return QuotaUse.of(operations.list(service), limits.of(service.id()));
    }

    /** Refuses a new snapshot of {@code size} bytes (0 when not known yet) that would pass a limit. */
    private void requireRoom(Service service, long size) {
        BackupLimits limit = limits.of(service.id());
        if (limit.maxSnapshots() <= 0 && limit.maxBytes() <= 0) {
            return; // nothing to count: the list of snapshots is not read
        }
        QuotaUse use = QuotaUse.of(operations.list(service), limit);
        if (limit.maxSnapshots() > 0 && use.snapshots() >= limit.maxSnapshots()) {
            throw new ApiException(ErrorCode.QUOTA_EXCEEDED, "This service may keep at most " + limit.maxSnapshots()
                    + " snapshots and has " + use.snapshots() + "; delete one first.");
        }
        if (limit.maxBytes() > 0 && (use.bytes() >= limit.maxBytes() || use.bytes() + size > limit.maxBytes())) {
            throw new ApiException(ErrorCode.QUOTA_EXCEEDED, "This service may store at most "
                    + Sizes.human(limit.maxBytes()) + " of snapshots and stores " + Sizes.human(use.bytes())
                    + (size > 0 ? "; this file of " + Sizes.human(size) + " does not fit" : "") + "; delete one first.");
        }
    }
}
