package org.voicepanel.host.service;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.account.UserStore;
import org.voicepanel.host.backup.status.VoiceStatusCache;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.Ids;
import org.voicepanel.host.web.RequestBodies;

/** A user's own services, and the admin routes that create and edit them. */
@RestController
class ServiceController {

    private final ServiceStore services;
    private final ServiceAccess access;
    private final UserStore users;
    private final ServiceObjects objects;
    private final ConnectionFields fields;
    private final VoiceStatusCache statuses;
    private final RequestBodies bodies;

    ServiceController(ServiceStore services, ServiceAccess access, UserStore users, ServiceObjects objects,
                      ConnectionFields fields, VoiceStatusCache statuses, RequestBodies bodies) {
        this.bodies = bodies;
        this.services = services;
        this.access = access;
        this.users = users;
        this.objects = objects;
        this.fields = fields;
        this.statuses = statuses;
    }

    @GetMapping("/services")
    Envelope mine(Caller caller) {
        return Envelope.data("services", objects.of(caller, services.ownedBy(caller.userId())));
    }

    @GetMapping("/services/{id}")
    Envelope one(Caller caller, @PathVariable String id) {
        return Envelope.data("service", objects.of(caller, access.owned(caller, id)));
    }

    @GetMapping("/admin/services")
    Envelope all(Caller caller) {
        caller.require(Role.ADMIN);
        return Envelope.data("services", services.all().stream().map(this::adminView).toList());
    }

    @PostMapping("/admin/services")
    ResponseEntity<Envelope> create(Caller caller, @RequestBody(required = false) ServiceDraft.Body body) {
        caller.require(Role.ADMIN);
        ServiceDraft draft = ServiceDraft.from(bodies.checked(body), true, fields);
        requireUser(draft.ownerUserId());
        return ResponseEntity.status(HttpStatus.CREATED).body(Envelope.data("service", view(services.create(draft))));
    }

    @PutMapping("/admin/services/{id}")
    Envelope update(Caller caller, @PathVariable String id, @RequestBody(required = false) ServiceDraft.Body body) {
        caller.require(Role.ADMIN);
        long serviceId = Ids.parse(id, "service id");
        ServiceDraft draft = ServiceDraft.from(bodies.checked(body), false, fields);
        requireUser(draft.ownerUserId());
        Service updated = services.update(serviceId, draft)
                .orElseThrow(() -> new ApiException(ErrorCode.SERVICE_NOT_FOUND, "There is no service " + id + "."));
        // a new host, port or slot count: the cached status may be another server's
        statuses.expire(serviceId, null);
        return Envelope.data("service", view(updated));
    }

    private Map<String, Object> view(Service service) {
        return service.view(fields.of(service.type()));
    }

    private Map<String, Object> adminView(Service service) {
        return service.adminView(fields.of(service.type()));
    }

    private void requireUser(long userId) {
        if (users.byId(userId).isEmpty()) {
            throw ApiException.badRequest("There is no user " + userId + " to own the service.");
        }
    }
}
