package org.voicepanel.host.backup;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.voicepanel.api.BackupHandlers;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.host.service.ConnectionFields;
import org.voicepanel.host.service.QueryPasswordCipher;
import org.voicepanel.host.service.Service;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/**
 * The provider handlers of a service called by the panel itself, not for a request: the schedule's creates and
 * rotations, and the quota's listing. The caller takes the service lock for writes, as the routes do. Thread-safe.
 */
@Component
public class BackupOperations {

    private final BackupDispatch dispatch;
    private final QueryPasswordCipher cipher;
    private final ConnectionFields fields;

    BackupOperations(BackupDispatch dispatch, QueryPasswordCipher cipher, ConnectionFields fields) {
        this.dispatch = dispatch;
        this.cipher = cipher;
        this.fields = fields;
    }

    public List<SnapshotInfo> list(Service service) {
        return handler(service, BackupOperation.LIST, BackupHandlers.ListSnapshots.class).list(request(service));
    }

    public long create(Service service, String actor) {
        return handler(service, BackupOperation.CREATE, BackupHandlers.CreateSnapshot.class)
                .create(new BackupRequest(service.toVoiceService(cipher, fields.of(service.type())), actor, requestId()));
    }

    public void delete(Service service, long snapshotId) {
        handler(service, BackupOperation.DELETE, BackupHandlers.DeleteSnapshot.class).delete(request(service), snapshotId);
    }

    private BackupRequest request(Service service) {
        return new BackupRequest(service.toVoiceService(cipher, fields.of(service.type())), "panel", requestId());
    }

    private <H> H handler(Service service, BackupOperation operation, Class<H> type) {
        return dispatch.routesOf(service).handler(operation, type).orElseThrow(() -> new ApiException(
                ErrorCode.BACKUPS_NOT_SUPPORTED, "The plugin for " + service.type() + " voice servers does not offer "
                        + operation.name().toLowerCase() + "."));
    }

    private static String requestId() {
        return "schedule-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
