package org.voicepanel.host.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.account.UserStore;

/**
 * Service objects in the original API's shape (api.md, Service routes): {@code id, status, user_id,
 * username, type: "voiceserver", details, roles}, next to the panel's own {@code name} and
 * {@code voiceserver} block. Client SDKs pick the class for a service by {@code type} and read its
 * voice server only when {@code status} is {@code active}.
 */
@Component
public class ServiceObjects {

    /** The service type of the original API that every panel service is. */
    static final String SERVICE_TYPE = "voiceserver";

    /** The roles a service can grant, in the order the object lists them. */
    private static final List<Role> SERVICE_ROLES = List.of(Role.BACKUPS_READ, Role.BACKUPS_WRITE, Role.LOGS_READ);

    private final ServiceStatuses statuses;
    private final UserStore users;
    private final ConnectionFields fields;

    public ServiceObjects(ServiceStatuses statuses, UserStore users, ConnectionFields fields) {
        this.statuses = statuses;
        this.users = users;
        this.fields = fields;
    }

    public Map<String, Object> of(Caller caller, Service service) {
        return of(caller, List.of(service)).get(0);
    }

    /** The objects of several services, with one status query and one user look-up per owner. */
    public List<Map<String, Object>> of(Caller caller, List<Service> services) {
        Map<Long, ServiceStatus> status = statuses.of(services.stream().map(Service::id).toList());
        Map<Long, String> ownerNames = new HashMap<>();
        return services.stream().map(service -> of(caller, service, status.get(service.id()),
                ownerNames.computeIfAbsent(service.ownerUserId(),
                        owner -> users.byId(owner).map(UserStore.User::name).orElse("")))).toList();
    }

    private Map<String, Object> of(Caller caller, Service service, ServiceStatus status, String ownerName) {
        Map<String, Object> object = new LinkedHashMap<>(service.view(fields.of(service.type())));
        object.put("status", status.wireName());
        object.put("user_id", service.ownerUserId());
        object.put("username", ownerName);
        object.put("type", SERVICE_TYPE);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", service.name());
        details.put("type", service.type());
        details.put("address", service.host());
        object.put("details", details);
        object.put("roles", roles(caller, service));
        return object;
    }

    private static List<String> roles(Caller caller, Service service) {
        List<String> roles = new ArrayList<>();
        if (caller.userId() == service.ownerUserId()) {
            roles.add("ROLE_OWNER");
        }
        SERVICE_ROLES.stream().filter(caller::has).map(Role::wireName).forEach(roles::add);
        return roles;
    }
}
