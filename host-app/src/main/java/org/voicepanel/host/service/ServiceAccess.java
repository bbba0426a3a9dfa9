package org.voicepanel.host.service;

import org.springframework.stereotype.Component;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.Ids;

/**
 * Finds a caller's own service; another user's service answers exactly as a missing one. An admin
 * reaches every service (support access, api.md).
 */
@Component
public class ServiceAccess {

    private final ServiceStore services;

    public ServiceAccess(ServiceStore services) {
        this.services = services;
    }

    public Service owned(Caller caller, String rawId) {
        return ownedWithStatus(caller, rawId).service();
    }

    /** The same, with the service's status read in the same query. */
    public ServiceStore.Found ownedWithStatus(Caller caller, String rawId) {
        long id = Ids.parse(rawId, "service id");
        return services.byIdWithStatus(id)
                .filter(found -> found.service().ownerUserId() == caller.userId() || caller.has(Role.ADMIN))
                .orElseThrow(() -> new ApiException(ErrorCode.SERVICE_NOT_FOUND, "There is no service " + id + "."));
    }
}
