package org.voicepanel.host.service;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.Ids;

/** {@code PUT /admin/services/{id}/status}: the admin suspends, locks or re-activates a service. */
@RestController
class ServiceStatusController {

    private final ServiceStore services;
    private final ServiceStatuses statuses;
    private final ServiceObjects objects;

    ServiceStatusController(ServiceStore services, ServiceStatuses statuses, ServiceObjects objects) {
        this.services = services;
        this.statuses = statuses;
        this.objects = objects;
    }

    @PutMapping("/admin/services/{id}/status")
    Envelope set(Caller caller, @PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        caller.require(Role.ADMIN);
        long serviceId = Ids.parse(id, "service id");
        Object requested = body == null ? null : body.get("status");
        ServiceStatus status = (requested instanceof String name ? ServiceStatus.fromWireName(name)
                : Optional.<ServiceStatus>empty())
                .orElseThrow(() -> ApiException.badRequest("status must be one of "
                        + Arrays.stream(ServiceStatus.values()).map(ServiceStatus::wireName).toList() + "."));
        Service service = services.byId(serviceId)
                .orElseThrow(() -> new ApiException(ErrorCode.SERVICE_NOT_FOUND, "There is no service " + id + "."));
        statuses.set(serviceId, status);
        return Envelope.data("service", objects.of(caller, service));
    }
}
