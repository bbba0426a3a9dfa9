package org.voicepanel.host.backup;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.audit.ResolvedOwner;
import org.voicepanel.host.plugin.RouteTable;
import org.voicepanel.host.plugin.ProviderRegistry;
import org.voicepanel.host.service.ConnectionFields;
import org.voicepanel.host.service.QueryPasswordCipher;
import org.voicepanel.host.service.Service;
import org.voicepanel.host.service.ServiceAccess;
import org.voicepanel.host.service.ServiceStatus;
import org.voicepanel.host.service.ServiceStore;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.RequestIds;

/**
 * The checks every backup route makes before a handler runs, in the contract's order: the
 * caller's role, the service being the caller's, and a provider for its type offering the
 * operation. (Authentication happened before; the lock comes after, for writes only.)
 */
@Component
class BackupDispatch {

    /** A resolved route: the service, the handler and the request to hand it. */
    record Target<H>(Service service, H handler, BackupRequest request) {
    }

    /** The operations that change a service's snapshots or voice server: write role, service lock. */
    static final Set<BackupOperation> WRITES = EnumSet.of(BackupOperation.CREATE, BackupOperation.UPLOAD,
            BackupOperation.DELETE, BackupOperation.RESTORE);

    private final ServiceAccess access;
    private final ProviderRegistry registry;
    private final QueryPasswordCipher cipher;
    private final ConnectionFields fields;

    BackupDispatch(ServiceAccess access, ProviderRegistry registry, QueryPasswordCipher cipher,
                   ConnectionFields fields) {
        this.access = access;
        this.registry = registry;
        this.cipher = cipher;
        this.fields = fields;
    }

    <H> Target<H> resolve(Caller caller, String serviceId, BackupOperation operation, Class<H> handlerType,
                          HttpServletRequest http) {
        caller.require(WRITES.contains(operation) ? Role.BACKUPS_WRITE : Role.BACKUPS_READ);
        ServiceStore.Found found = access.ownedWithStatus(caller, serviceId);
        Service service = found.service();
        ResolvedOwner.remember(http, service.id(), service.ownerUserId());
        if (WRITES.contains(operation)) {
            requireActive(service, found.status());
        }
        H handler = routesOf(service).handler(operation, handlerType)
                .orElseThrow(() -> new ApiException(ErrorCode.BACKUPS_NOT_SUPPORTED, "The plugin for "
                        + service.type() + " voice servers does not offer " + operation.name().toLowerCase() + "."));
        return new Target<>(service, handler, request(caller, service, http));
    }

    /** A suspended or admin-locked service keeps its snapshots readable but takes no writes (api.md). */
    private static void requireActive(Service service, ServiceStatus status) {
        if (status != ServiceStatus.ACTIVE) {
            throw new ApiException(ErrorCode.SERVICE_SUSPENDED, "Service " + service.id() + " is " + status.wireName()
                    + ": its snapshots can be listed and downloaded, but not created, uploaded, restored or deleted"
                    + " until it is active again.");
        }
    }

    RouteTable routesOf(Service service) {
        return registry.forType(service.type())
                .orElseThrow(() -> new ApiException(ErrorCode.BACKUPS_NOT_SUPPORTED,
                        "Backups are not available for " + service.type() + " voice servers: no plugin serves them."))
                .routes();
    }

    BackupRequest request(Caller caller, Service service, HttpServletRequest http) {
        return new BackupRequest(service.toVoiceService(cipher, fields.of(service.type())), caller.name(),
                RequestIds.of(http));
    }
}
