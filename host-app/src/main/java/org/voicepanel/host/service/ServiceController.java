package org.voicepanel.host.service;

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
    private final RequestBodies bodies;
    private final ServiceObjects objects;

    ServiceController(ServiceStore services, ServiceAccess access, UserStore users, RequestBodies bodies,
                      ServiceObjects objects) {
        this.services = services;
        this.access = access;
        this.users = users;
        this.bodies = bodies;
        this.objects = objects;
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
        return Envelope.data("services", services.all().stream().map(Service::adminView).toList());
    }

    @PostMapping("/admin/services")
    ResponseEntity<Envelope> create(Caller caller, @RequestBody(required = false) ServiceRequest body) {
        caller.require(Role.ADMIN);
        ServiceDraft draft = bodies.checked(body, ServiceRequest.Creating.class).draft();
        requireUser(draft.ownerUserId());
        return ResponseEntity.status(HttpStatus.CREATED).body(Envelope.data("service", services.create(draft).view()));
    }

    @PutMapping("/admin/services/{id}")
    Envelope update(Caller caller, @PathVariable String id, @RequestBody(required = false) ServiceRequest body) {
        caller.require(Role.ADMIN);
        long serviceId = Ids.parse(id, "service id");
        ServiceDraft draft = bodies.checked(body).draft();
        requireUser(draft.ownerUserId());
        return Envelope.data("service", services.update(serviceId, draft)
                .orElseThrow(() -> new ApiException(ErrorCode.SERVICE_NOT_FOUND, "There is no service " + id + "."))
                .view());
    }

    private void requireUser(long userId) {
        if (users.byId(userId).isEmpty()) {
            throw ApiException.badRequest("There is no user " + userId + " to own the service.");
        }
    }
}
