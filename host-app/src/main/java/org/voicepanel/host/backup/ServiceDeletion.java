package org.voicepanel.host.backup;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupHandlers;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.host.plugin.RouteTable;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.service.Service;
import org.voicepanel.host.service.ServiceStore;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.Ids;

/**
 * {@code DELETE /admin/services/{id}}: the service goes with its snapshots, so none is left behind without an
 * owner. Under the service's lock, the plugin deletes every snapshot, then the row goes. When the snapshots cannot
 * be deleted (no plugin serves the type, a deletion fails) the service stays, with what is left of them, and the
 * request can be repeated.
 */
@RestController
class ServiceDeletion {

    private final ServiceStore services;
    private final BackupDispatch dispatch;
    private final ServiceLock lock;

    ServiceDeletion(ServiceStore services, BackupDispatch dispatch, ServiceLock lock) {
        this.services = services;
        this.dispatch = dispatch;
        this.lock = lock;
    }

    @DeleteMapping("/admin/services/{id}")
    Envelope delete(Caller caller, @PathVariable String id, HttpServletRequest http) {
        caller.require(Role.ADMIN);
        long serviceId = Ids.parse(id, "service id");
        Service service = services.byId(serviceId)
                .orElseThrow(() -> new ApiException(ErrorCode.SERVICE_NOT_FOUND, "There is no service " + id + "."));
        RouteTable routes = routesOf(service);
        var list = routes.handler(BackupOperation.LIST, BackupHandlers.ListSnapshots.class);
        var delete = routes.handler(BackupOperation.DELETE, BackupHandlers.DeleteSnapshot.class);
        if (list.isEmpty() || delete.isEmpty()) {
            throw keptBecause("the plugin for " + service.type() + " voice servers cannot delete its snapshots");
        }
        int deleted = 0;
        try (var lease = lock.acquire(serviceId, BackupOperation.DELETE)) {
            BackupRequest request = dispatch.request(caller, service, http);
            List<SnapshotInfo> snapshots = list.get().list(request);
            for (SnapshotInfo snapshot : snapshots) {
                try {
                    delete.get().delete(request, snapshot.snapshotId());
                    deleted++;
                } catch (BackupException e) {
                    // gone already is what we wanted
                    if (e.reason() != BackupException.Reason.SNAPSHOT_NOT_FOUND) {
                        throw e;
                    }
                }
            }
            services.delete(serviceId);
        }
        return Envelope.message("Service " + serviceId + " has been deleted, with its " + deleted
                + (deleted == 1 ? " snapshot." : " snapshots."));
    }

    private RouteTable routesOf(Service service) {
        try {
            return dispatch.routesOf(service);
        } catch (ApiException e) {
            throw keptBecause("no plugin serves " + service.type() + " voice servers, so its snapshots cannot be deleted");
        }
    }

    private static ApiException keptBecause(String reason) {
        return new ApiException(ErrorCode.CONFLICT, "The service has not been deleted: " + reason + ".");
    }
}
