package org.voicepanel.host.service;

import org.springframework.stereotype.Component;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.Ids;

/** Finds a caller's own service; another user's service answers exactly as a missing one. */
@Component
public class ServiceAccess {

    private final ServiceStore services;

    public ServiceAccess(ServiceStore services) {
        this.services = services;
    }

    public Service owned(Caller caller, String rawId) {
        long id = Ids.parse(rawId, "service id");
        return services.byId(id)
                .filter(service -> service.ownerUserId() == caller.userId())
                .orElseThrow(() -> new ApiException(ErrorCode.SERVICE_NOT_FOUND, "There is no service " + id + "."));
    }
}
