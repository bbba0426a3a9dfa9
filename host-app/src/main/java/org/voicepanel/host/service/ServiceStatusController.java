package org.voicepanel.host.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.voicepanel.host.web.RequestBodies;

/** {@code PUT /admin/services/{id}/status}: the admin suspends, locks or re-activates a service. */
@RestController
class ServiceStatusController {

    // the wire names of ServiceStatus, which the contract fixes (ServiceStatusTest holds the two together)
    static final String WIRE_NAMES = "active|suspended|adminlocked";
    private static final String STATUS_RULE = "The field status must be one of active, suspended or adminlocked.";

    record NewStatus(@NotNull(message = STATUS_RULE) @Pattern(regexp = WIRE_NAMES, message = STATUS_RULE)
                     String status) {
    }

    private final ServiceStore services;
    private final ServiceStatuses statuses;
    private final ServiceObjects objects;
    private final RequestBodies bodies;

    ServiceStatusController(ServiceStore services, ServiceStatuses statuses, ServiceObjects objects,
                            RequestBodies bodies) {
        this.bodies = bodies;
        this.services = services;
        this.statuses = statuses;
        this.objects = objects;
    }

    @PutMapping("/admin/services/{id}/status")
    Envelope set(Caller caller, @PathVariable String id, @RequestBody(required = false) NewStatus body) {
        caller.require(Role.ADMIN);
        long serviceId = Ids.parse(id, "service id");
        ServiceStatus status = ServiceStatus.fromWireName(bodies.checked(body).status()).orElseThrow();
        Service service = services.byId(serviceId)
                .orElseThrow(() -> new ApiException(ErrorCode.SERVICE_NOT_FOUND, "There is no service " + id + "."));
        statuses.set(serviceId, status);
        return Envelope.data("service", objects.of(caller, service));
    }
}
