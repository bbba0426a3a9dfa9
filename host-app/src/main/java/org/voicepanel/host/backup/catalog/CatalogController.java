package org.voicepanel.host.backup.catalog;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.voicepanel.host.service.Service;
import org.voicepanel.host.service.ServiceAccess;
import org.voicepanel.host.service.ServiceStore;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.Ids;
import org.voicepanel.host.web.NoUnknownFields;
import org.voicepanel.host.web.RequestBodies;

/** Pin, unpin and label a snapshot (WRITE), and an operator's per-service limits (ADMIN); api.md. */
@RestController
class CatalogController {

    private static final String SNAPSHOT = "/services/{id}/voiceservers/backup/{snapshot}";
    private static final String LABEL_RULE = "The field label must be text of at most 100 characters, without line"
            + " breaks or control characters.";

    /** {@code PATCH} a snapshot: an empty, {@code null} or missing label removes it. */
    record NewLabel(
            @Size(max = 100, message = LABEL_RULE)
            @Pattern(regexp = RequestBodies.NO_CONTROL_CHARACTERS, message = LABEL_RULE) String label,
            @JsonAnySetter @NoUnknownFields @Schema(hidden = true) Map<String, Object> unknown) {
    }

    /** {@code PUT} limits: the whole set; a field left out or {@code null} falls back to the panel's default. */
    record NewLimits(
            @JsonProperty("max_snapshots")
            @Min(value = 0, message = "The field max_snapshots must be a whole number from 0 to 100000.")
            @Max(value = 100_000, message = "The field max_snapshots must be a whole number from 0 to 100000.")
            Integer maxSnapshots,
            @JsonProperty("max_bytes")
            @Min(value = 0, message = "The field max_bytes must be a whole number of 0 or more.") Long maxBytes,
            @JsonProperty("min_interval_hours")
            @Min(value = 1, message = "The field min_interval_hours must be a whole number from 1 to 168.")
            @Max(value = 24 * 7, message = "The field min_interval_hours must be a whole number from 1 to 168.")
            Integer minIntervalHours,
            @JsonAnySetter @NoUnknownFields @Schema(hidden = true) Map<String, Object> unknown) {
    }

    private final ServiceAccess access;
    private final ServiceStore services;
    private final BackupOperations operations;
    private final SnapshotCatalog catalog;
    private final LimitsStore limits;
    private final RequestBodies bodies;

    CatalogController(ServiceAccess access, ServiceStore services, BackupOperations operations,
                      SnapshotCatalog catalog, LimitsStore limits, RequestBodies bodies) {
        this.bodies = bodies;
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
                   @RequestBody(required = false) NewLabel body) {
        Target target = target(caller, id, snapshot);
        String label = bodies.checked(body).label();
        catalog.label(target.service().id(), target.snapshotId(), label == null || label.isBlank() ? null : label.strip());
        return Envelope.message(label == null || label.isBlank() ? "The label is removed." : "The label is saved.");
    }

    @GetMapping("/admin/services/{id}/backup-limits")
    Envelope limits(Caller caller, @PathVariable String id) {
        caller.require(Role.ADMIN);
        return Envelope.data("limits", limitsView(adminService(id).id()));
    }

    @PutMapping("/admin/services/{id}/backup-limits")
    Envelope setLimits(Caller caller, @PathVariable String id, @RequestBody(required = false) NewLimits body) {
        caller.require(Role.ADMIN);
        long serviceId = adminService(id).id();
        bodies.checked(body);
        limits.set(serviceId, new LimitsStore.Overrides(body.maxSnapshots(), body.maxBytes(), body.minIntervalHours()));
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
