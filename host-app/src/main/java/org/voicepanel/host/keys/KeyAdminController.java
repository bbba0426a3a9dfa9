package org.voicepanel.host.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.keys.ResealRuns.Run;
import org.voicepanel.host.keys.ResealRuns.State;
import org.voicepanel.host.service.ServiceStore;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.ErrorCode;

/**
 * The admin routes for the keysets (docs/api.md, Keys): their key ids, a rotation (a new primary key in each),
 * sealing what is stored again with the primary keys (query passwords at once, snapshot files in the background),
 * and retiring the older keys once nothing needs them. Key material never leaves the keys folder.
 */
@RestController
class KeyAdminController {

    private final PanelKeysets keysets;
    private final ServiceStore services;
    private final SnapshotReseal snapshots;

    KeyAdminController(PanelKeysets keysets, ServiceStore services, SnapshotReseal snapshots) {
        this.keysets = keysets;
        this.services = services;
        this.snapshots = snapshots;
    }

    @GetMapping("/admin/keys")
    Envelope list(Caller caller) {
        caller.require(Role.ADMIN);
        return Envelope.data("keys", view(keysets.summary()));
    }

    @PostMapping("/admin/keys/rotate")
    Envelope rotate(Caller caller) {
        caller.require(Role.ADMIN);
        return Envelope.data("keys", view(keysets.rotate()));
    }

    /** Query passwords are few and re-sealed at once; snapshot files can take hours and run in the background. */
    @PostMapping("/admin/keys/reseal")
    ResponseEntity<Envelope> reseal(Caller caller) {
        caller.require(Role.ADMIN);
        // taken before the passwords: a rotation meanwhile leaves the run naming the older key, so retiring waits
        int keyId = keysets.snapshotFilePrimaryKeyId();
        int resealed = services.resealQueryPasswords();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("query_passwords_resealed", resealed);
        data.put("snapshot_files", snapshots.start(keyId).map(KeyAdminController::view).orElse(null));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Envelope.data(data));
    }

    @GetMapping("/admin/keys/reseal")
    Envelope resealStatus(Caller caller) {
        caller.require(Role.ADMIN);
        return Envelope.data("snapshot_files", snapshots.status().map(KeyAdminController::view).orElse(null));
    }

    /** Refused unless the newest snapshot re-seal finished for the current key with nothing failed. */
    @PostMapping("/admin/keys/retire")
    Envelope retire(Caller caller) {
        caller.require(Role.ADMIN);
        Optional<Run> run = snapshots.status();
        int primary = keysets.snapshotFilePrimaryKeyId();
        if (run.isEmpty() || run.get().state() != State.FINISHED || run.get().keyId() != primary) {
            throw new ApiException(ErrorCode.CONFLICT, "Older keys are retired only after a re-seal with the current"
                    + " key has finished: POST /admin/keys/reseal and wait until GET /admin/keys/reseal says finished.");
        }
        if (run.get().failed() > 0) {
            throw new ApiException(ErrorCode.CONFLICT, "The last re-seal left " + run.get().failed() + " snapshot"
                    + " files or services with an older key (see GET /admin/keys/reseal); fix them and re-seal again.");
        }
        return Envelope.data("keys", view(keysets.retireOlderKeys()));
    }

    private static Map<String, Object> view(PanelKeysets.Summary summary) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("snapshot_files", Map.of("primary", summary.snapshotFilePrimary(), "ids",
                summary.snapshotFileKeys()));
        view.put("query_passwords", Map.of("primary", summary.queryPasswordPrimary(), "ids",
                summary.queryPasswordKeys()));
        return view;
    }

    private static Map<String, Object> view(Run run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("run", run.id());
        view.put("state", run.state().wire());
        view.put("key_id", run.keyId());
        view.put("started_at", run.startedAt().toString());
        view.put("finished_at", run.finishedAt() == null ? null : run.finishedAt().toString());
        view.put("resealed", run.resealed());
        view.put("skipped", run.skipped());
        view.put("failed", run.failed());
        List<Map<String, Object>> failures = run.failures().stream().map(failure -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("plugin", failure.pluginId());
            entry.put("service_id", failure.serviceId());
            entry.put("snapshot_id", failure.snapshotId());
            entry.put("message", failure.message());
            return entry;
        }).toList();
        view.put("failures", failures);
        return view;
    }
}
