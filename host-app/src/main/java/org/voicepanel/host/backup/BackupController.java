package org.voicepanel.host.backup;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupHandlers;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.api.SnapshotDownload;
import org.voicepanel.api.VoiceServerStatus;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.backup.catalog.SnapshotRules;
import org.voicepanel.api.BackupRouteTable;
import org.voicepanel.host.service.Service;
import org.voicepanel.host.service.ServiceAccess;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.Ids;

/** The backup route table of api.md, one set for every voice-server type. */
@RestController
class BackupController {

    private static final Logger log = LoggerFactory.getLogger(BackupController.class);
    private static final String BASE = "/services/{id}/voiceservers";

    private final BackupDispatch dispatch;
    private final ServiceAccess access;
    private final ServiceLock lock;
    private final UploadReader uploads;
    private final SnapshotRules rules;

    BackupController(BackupDispatch dispatch, ServiceAccess access, ServiceLock lock, UploadReader uploads,
                     SnapshotRules rules) {
        this.dispatch = dispatch;
        this.access = access;
        this.lock = lock;
        this.uploads = uploads;
        this.rules = rules;
    }

    @GetMapping(BASE)
    Envelope voiceserver(Caller caller, @PathVariable String id, HttpServletRequest http) {
        caller.require(Role.BACKUPS_READ);
        Service service = access.owned(caller, id);
        BackupRouteTable routes = dispatch.routesOf(service);
        var request = dispatch.request(caller, service, http);
        Map<String, Object> voiceserver = new LinkedHashMap<>();
        voiceserver.put("type", service.type());
        voiceserver.put("slots", service.slots());
        routes.handler(BackupOperation.STATUS, BackupHandlers.ReadStatus.class).ifPresent(status -> {
            try {
                VoiceServerStatus answer = status.status(request);
                voiceserver.put("status", answer.status());
                voiceserver.put("slots", answer.slots());
            } catch (BackupException e) {
                // the list must answer even when the voice server does not
                log.info("Status of service {} unknown: {}", service.id(), e.getMessage());
            }
        });
        var list = routes.handler(BackupOperation.LIST, BackupHandlers.ListSnapshots.class)
                .orElseThrow(() -> new ApiException(ErrorCode.BACKUPS_NOT_SUPPORTED,
                        "The plugin for " + service.type() + " voice servers does not list snapshots."));
        voiceserver.put("specific", Map.of("snapshots", rules.listing(service, list.list(request)).snapshots()));
        return Envelope.data("voiceserver", voiceserver);
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
            long snapshotId = target.handler().create(target.request());
            rules.afterManualCreate(target.service());
            return created(snapshotId);
        }
    }

    @PostMapping(BASE + "/backup/upload")
    ResponseEntity<Envelope> upload(Caller caller, @PathVariable String id, HttpServletRequest http)
            throws IOException {
        var target = dispatch.resolve(caller, id, BackupOperation.UPLOAD, BackupHandlers.UploadSnapshot.class, http);
        try (SpooledUpload upload = uploads.read(http);
             var lease = lock.acquire(target.service().id(), BackupOperation.UPLOAD)) {
            rules.beforeUpload(target.service(), upload.size());
            return created(target.handler().upload(target.request(), upload));
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
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"");
            file.writeTo(response.getOutputStream());
            return;
        }
        // base64 inside the envelope, streamed so that a large file is never one string
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        OutputStream out = response.getOutputStream();
        out.write("{\"status\":\"success\",\"data\":{\"snapshot\":\"".getBytes(StandardCharsets.US_ASCII));
        try (OutputStream base64 = Base64.getEncoder().wrap(new UnclosableOutputStream(out))) {
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
        }
        return Envelope.message("The Voiceserver Backup has been deleted.");
    }

    @PostMapping(BASE + "/backup/{snapshot}/restore")
    Envelope restore(Caller caller, @PathVariable String id, @PathVariable String snapshot, HttpServletRequest http) {
        var target = dispatch.resolve(caller, id, BackupOperation.RESTORE, BackupHandlers.RestoreSnapshot.class, http);
        long snapshotId = Ids.parse(snapshot, "snapshot id");
        try (var lease = lock.acquire(target.service().id(), BackupOperation.RESTORE)) {
            target.handler().restore(target.request(), snapshotId);
        }
        return Envelope.message("The Voiceserver Backup has been restored.");
    }

    private static ResponseEntity<Envelope> created(long snapshotId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Envelope.data("snapshot", Map.of("id", snapshotId)));
    }

    private static ApiException notFound(long snapshotId) {
        return new ApiException(ErrorCode.SNAPSHOT_NOT_FOUND, "There is no snapshot " + snapshotId + " of this service.");
    }
}
