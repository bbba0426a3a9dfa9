package org.voicepanel.host.backup;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.api.BackupHandlers;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.api.RestoreReport;
import org.voicepanel.api.SnapshotDownload;
import org.voicepanel.api.VoiceServerStatus;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.backup.catalog.SnapshotRules;
import org.voicepanel.host.backup.status.CachedStatus;
import org.voicepanel.host.backup.status.VoiceStatusCache;
import org.voicepanel.host.plugin.RouteTable;
import org.voicepanel.host.service.Service;
import org.voicepanel.host.service.ServiceAccess;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.Ids;

/** The backup route table of docs/api.md, one set for every voice-server type. */
@RestController
class BackupController {

    private static final String BASE = "/services/{id}/voiceservers";
    /** The original API names a TeamSpeak virtual server's id {@code specific.ts3_sid}. */
    private static final String TEAMSPEAK = "teamspeak3";

    private final BackupDispatch dispatch;
    private final ServiceAccess access;
    private final ServiceLock lock;
    private final UploadReader uploads;
    private final Permits heavyOperations;
    private final Permits uploadSpools;
    private final SnapshotRules rules;
    private final VoiceStatusCache statuses;

    BackupController(BackupDispatch dispatch, ServiceAccess access, ServiceLock lock, UploadReader uploads,
                     Permits heavyOperations, Permits uploadSpools, SnapshotRules rules, VoiceStatusCache statuses) {
        this.dispatch = dispatch;
        this.access = access;
        this.lock = lock;
        this.uploads = uploads;
        this.heavyOperations = heavyOperations;
        this.uploadSpools = uploadSpools;
        this.rules = rules;
        this.statuses = statuses;
    }

    @Operation(summary = "The voice server and its snapshots", description = "data.voiceserver: type, ip, slots,"
            + " started, status where known, port, status_read_at and status_age_seconds (when the voice server was"
            + " last asked, absent when never), status_refreshing (a fresh read is under way), and specific.snapshots."
            + " The status comes from the panel's cache (at most panel.voice-status.interval old); see docs/api.md.")
    @GetMapping(BASE)
    Envelope voiceserver(Caller caller, @PathVariable String id, HttpServletRequest http) {
        caller.require(Role.BACKUPS_READ);
        Service service = access.owned(caller, id);
        RouteTable routes = dispatch.routesOf(service);
        var request = dispatch.request(caller, service, http);
        Map<String, Object> voiceserver = new LinkedHashMap<>();
        voiceserver.put("type", service.type());
        voiceserver.put("ip", service.host());
        voiceserver.put("slots", service.slots());
        voiceserver.put("started", false);
        routes.handler(BackupOperation.STATUS, BackupHandlers.ReadStatus.class).ifPresent(status ->
                putStatus(voiceserver, statuses.status(service.id(), () -> status.status(request))));
        var list = routes.handler(BackupOperation.LIST, BackupHandlers.ListSnapshots.class)
                .orElseThrow(() -> new ApiException(ErrorCode.BACKUPS_NOT_SUPPORTED,
                        "The plugin for " + service.type() + " voice servers does not list snapshots."));
        Map<String, Object> specific = new LinkedHashMap<>();
        String virtualServerId = service.fields().get("virtual_server_id");
        if (TEAMSPEAK.equals(service.type()) && virtualServerId != null) {
            specific.put("ts3_sid", Integer.parseInt(virtualServerId));
        }
        specific.put("snapshots", rules.listing(service, list.list(request)).snapshots());
        voiceserver.put("specific", specific);
        return Envelope.data("voiceserver", voiceserver);
    }

    /** The cached status (api.md): the voice server's words where known, and how old they are. */
    private static void putStatus(Map<String, Object> voiceserver, CachedStatus cached) {
        cached.status().ifPresent(known -> {
            voiceserver.put("status", known.status());
            voiceserver.put("slots", known.slots());
            voiceserver.put("started", "online".equals(known.status()));
            if (known.port() > 0) {
                voiceserver.put("port", known.port());
            }
        });
        if (cached.readAt() != null) {
            voiceserver.put("status_read_at", DateTimeFormatter.ISO_INSTANT.format(
                    cached.readAt().truncatedTo(ChronoUnit.SECONDS)));
            voiceserver.put("status_age_seconds", cached.age().toSeconds());
        }
        voiceserver.put("status_refreshing", cached.refreshing());
    }

    @GetMapping(BASE + "/backup")
    Envelope list(Caller caller, @PathVariable String id, HttpServletRequest http) {
        var target = dispatch.resolve(caller, id, BackupOperation.LIST, BackupHandlers.ListSnapshots.class, http);
        return Envelope.data(rules.listing(target.service(), target.handler().list(target.request())).view());
    }

    @PostMapping(BASE + "/backup")
    ResponseEntity<Envelope> create(Caller caller, @PathVariable String id, HttpServletRequest http) {
        var target = dispatch.resolve(caller, id, BackupOperation.CREATE, BackupHandlers.CreateSnapshot.class, http);
        try (var lease = lock.acquire(target.service().id(), BackupOperation.CREATE)) {
            rules.beforeManualCreate(target.service());
            long snapshotId;
            try (var room = heavyOperations.take()) {
                snapshotId = target.handler().create(target.request());
            }
            rules.afterManualCreate(target.service());
            lease.release();
            return created(snapshotId);
        }
    }

    @PostMapping(BASE + "/backup/upload")
    ResponseEntity<Envelope> upload(Caller caller, @PathVariable String id, HttpServletRequest http)
            throws IOException {
        var target = dispatch.resolve(caller, id, BackupOperation.UPLOAD, BackupHandlers.UploadSnapshot.class, http);
        // the busy answers come before a byte of the body is read
        try (var lease = lock.acquire(target.service().id(), BackupOperation.UPLOAD);
             var spool = uploadSpools.take();
             SpooledUpload upload = uploads.read(http)) {
            rules.beforeUpload(target.service(), upload.size());
            long snapshotId = target.handler().upload(target.request(), upload);
            lease.release();
            return created(snapshotId);
        }
    }

    @GetMapping(BASE + "/backup/{snapshot}")
    void download(Caller caller, @PathVariable String id, @PathVariable String snapshot, HttpServletRequest http,
                  HttpServletResponse response) throws IOException {
        var target = dispatch.resolve(caller, id, BackupOperation.DOWNLOAD, BackupHandlers.DownloadSnapshot.class, http);
        long snapshotId = Ids.parse(snapshot, "snapshot id");
        SnapshotDownload file = target.handler().download(target.request(), snapshotId)
                .orElseThrow(() -> notFound(snapshotId));
        String accept = http.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
            response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
            response.setContentLengthLong(file.size());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, DownloadFileName.contentDisposition(file.fileName()));
            file.writeTo(response.getOutputStream());
            return;
        }
        // base64 inside the envelope, streamed so that a large file is never one string
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        OutputStream out = response.getOutputStream();
        out.write("{\"status\":\"success\",\"data\":{\"snapshot\":\"".getBytes(StandardCharsets.US_ASCII));
        try (OutputStream base64 = new Base64Body(out)) {
            file.writeTo(base64);
        }
        out.write("\"}}".getBytes(StandardCharsets.US_ASCII));
    }

    @DeleteMapping(BASE + "/backup/{snapshot}")
    Envelope delete(Caller caller, @PathVariable String id, @PathVariable String snapshot, HttpServletRequest http) {
        var target = dispatch.resolve(caller, id, BackupOperation.DELETE, BackupHandlers.DeleteSnapshot.class, http);
        long snapshotId = Ids.parse(snapshot, "snapshot id");
        try (var lease = lock.acquire(target.service().id(), BackupOperation.DELETE)) {
            rules.beforeDelete(target.service(), snapshotId);
            target.handler().delete(target.request(), snapshotId);
            rules.afterDelete(target.service(), snapshotId);
            lease.release();
        }
        return Envelope.message("The Voiceserver Backup has been deleted.");
    }

    @PostMapping(BASE + "/backup/{snapshot}/restore")
    Envelope restore(Caller caller, @PathVariable String id, @PathVariable String snapshot, HttpServletRequest http) {
        var target = dispatch.resolve(caller, id, BackupOperation.RESTORE, BackupHandlers.RestoreSnapshot.class, http);
        long snapshotId = Ids.parse(snapshot, "snapshot id");
        RestoreReport report;
        try (var lease = lock.acquire(target.service().id(), BackupOperation.RESTORE);
             var room = heavyOperations.take()) {
            try {
                report = target.handler().restore(target.request(), snapshotId);
            } finally {
                // the restore restarted the voice server (or tried to): what was cached no longer holds
                expireStatus(target);
            }
        }
        // what the voice server could not take back is said, never left out (api.md, restore)
        List<String> notRestored = report == null ? List.of() : report.notRestored();
        return new Envelope("success", Map.of("not_restored", notRestored), "The Voiceserver Backup has been restored.",
                null);
    }

    private void expireStatus(BackupDispatch.Target<?> target) {
        Supplier<VoiceServerStatus> ask = dispatch.routesOf(target.service())
                .handler(BackupOperation.STATUS, BackupHandlers.ReadStatus.class)
                .<Supplier<VoiceServerStatus>>map(handler -> () -> handler.status(target.request()))
                .orElse(null);
        statuses.expire(target.service().id(), ask);
    }

    private static ResponseEntity<Envelope> created(long snapshotId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Envelope.data("snapshot", Map.of("id", snapshotId)));
    }

    private static ApiException notFound(long snapshotId) {
        return new ApiException(ErrorCode.SNAPSHOT_NOT_FOUND, "There is no snapshot " + snapshotId + " of this service.");
    }
}
