package org.voicepanel.host.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;

/** The status of each service; a service without a row is active. Thread-safe (state is in MariaDB). */
@Repository
public class ServiceStatuses {

    private final Jdbi jdbi;
    private final Clock clock;

    public ServiceStatuses(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A stored status; a service without one (or with one this version does not know) is active. */
    static ServiceStatus parse(String stored) {
        return stored == null ? ServiceStatus.ACTIVE : ServiceStatus.fromWireName(stored).orElse(ServiceStatus.ACTIVE);
    }

    /** The status of each of the services, in one query. */
    public Map<Long, ServiceStatus> of(Collection<Long> serviceIds) {
        Map<Long, ServiceStatus> statuses = new HashMap<>();
        serviceIds.forEach(id -> statuses.put(id, ServiceStatus.ACTIVE));
        if (!serviceIds.isEmpty()) {
            jdbi.useHandle(h -> h.createQuery("SELECT service_id, status FROM service_status WHERE service_id IN (<ids>)")
                    .bindList("ids", serviceIds)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(row -> statuses.put(row.getKey(), parse(row.getValue()))));
        }
        return statuses;
    }

    public void set(long serviceId, ServiceStatus status) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO service_status (service_id, status, changed_at) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE status = VALUES(status), changed_at = VALUES(changed_at)")
                .bind(0, serviceId).bind(1, status.wireName())
                .bind(2, LocalDateTime.now(clock.withZone(ZoneOffset.UTC))).execute());
    }
}
