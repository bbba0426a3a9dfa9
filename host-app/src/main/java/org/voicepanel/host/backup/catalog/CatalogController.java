package org.voicepanel.host.backup.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.backup.BackupOperations;
import org.voicepanel.host.schedule.BodyFields;
import org.voicepanel.host.service.Service;
import org.voicepanel.host.service.ServiceAccess;
import org.voicepanel.host.service.ServiceStore;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.Ids;

/** Pin, unpin and label a snapshot (WRITE), and an operator's per-service limits (ADMIN); api.md. */
@RestController
class CatalogController {

    private static final String SNAPSHOT = "/services/{id}/voiceservers/backup/{snapshot}";
    private static final int LABEL_LENGTH = 100;

    private final ServiceAccess access;
    private final ServiceStore services;
    private final BackupOperations operations;
    private final SnapshotCatalog catalog;
    private final LimitsStore limits;

    CatalogController(ServiceAccess access, ServiceStore services, BackupOperations operations,
                      SnapshotCatalog catalog, LimitsStore limits) {
        this.access = access;
        this.services = services;
        this.operations = operations;
        this.catalog = catalog;
        this.limits = limits;
    }

    @PostMapping(SNAPSHOT + "/pin")
    Envelope pin(Caller caller, @PathVariable String id, @PathVariable String snapshot) {
        Target target = target(caller, id, snapshot);
        catalog.pin(target.service().id(), target.snapshotId(), true);
        return Envelope.message("The snapshot is pinned: rotation keeps it and it cannot be deleted until unpinned.");
    }

    @DeleteMapping(SNAPSHOT + "/pin")
    Envelope unpin(Caller caller, @PathVariable String id, @PathVariable String snapshot) {
        Target target = target(caller, id, snapshot);
        catalog.pin(target.service().id(), target.snapshotId(), false);
        return Envelope.message("The snapshot is no longer pinned.");
    }

    @PatchMapping(SNAPSHOT)
    Envelope label(Caller caller, @PathVariable String id, @PathVariable String snapshot,
                   @RequestBody(required = false) Map<String, Object> body) {
        Target target = target(caller, id, snapshot);
        BodyFields fields = BodyFields.of(body, Set.of("label"));
        String label = fields.text("label", LABEL_LENGTH);
        catalog.label(target.service().id(), target.snapshotId(), label == null || label.isBlank() ? null : label.strip());
        return Envelope.message(label == null || label.isBlank() ? "The label is removed." : "The label is saved.");
    }

    @GetMapping("/admin/services/{id}/backup-limits")
    Envelope limits(Caller caller, @PathVariable String id) {
        caller.require(Role.ADMIN);
        return Envelope.data("limits", limitsView(adminService(id).id()));
    }

    @PutMapping("/admin/services/{id}/backup-limits")
    Envelope setLimits(Caller caller, @PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        caller.require(Role.ADMIN);
        long serviceId = adminService(id).id();
        BodyFields fields = BodyFields.of(body, Set.of("max_snapshots", "max_bytes", "min_interval_hours"));
        Long maxSnapshots = fields.number("max_snapshots", 0, 100_000);
        Long minInterval = fields.number("min_interval_hours", 1, 24 * 7);
        limits.set(serviceId, new LimitsStore.Overrides(maxSnapshots == null ? null : maxSnapshots.intValue(),
                fields.number("max_bytes", 0, Long.MAX_VALUE), minInterval == null ? null : minInterval.intValue()));
        return Envelope.data("limits", limitsView(serviceId));
    }

    private Map<String, Object> limitsView(long serviceId) {
        BackupLimits effective = limits.of(serviceId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("max_snapshots", effective.maxSnapshots());
        view.put("max_bytes", effective.maxBytes());
        view.put("min_interval_hours", effective.minIntervalHours());
        return view;
    }

    private Service adminService(String id) {
        long serviceId = Ids.parse(id, "service id");
        return services.byId(serviceId)
                .orElseThrow(() -> new ApiException(ErrorCode.SERVICE_NOT_FOUND, "There is no service " + id + "."));
    }

    private record Target(Service service, long snapshotId) {
    }

    /** The caller's service and one of its snapshots, in the contract's order of checks. */
    private Target target(Caller caller, String id, String snapshot) {
        caller.require(Role.BACKUPS_WRITE);
        Service service = access.owned(caller, id);
        long snapshotId = Ids.parse(snapshot, "snapshot id");
        boolean exists = operations.list(service).stream().anyMatch(info -> info.snapshotId() == snapshotId);
        if (!exists) {
            throw new ApiException(ErrorCode.SNAPSHOT_NOT_FOUND, "There is no snapshot " + snapshotId
                    + " of this service.");
        }
        return new Target(service, snapshotId);
    }
}
