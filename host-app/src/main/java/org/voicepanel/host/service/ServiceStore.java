package org.voicepanel.host.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.springframework.stereotype.Repository;
import org.voicepanel.host.web.ApiException;

/** Services and their voice-server connection fields (one {@code service_field} row each). */
@Repository
public class ServiceStore {

    private static final String COLUMNS = "id, owner_user_id, name, voiceserver_type, host, slots";

    private final Jdbi jdbi;
    private final Clock clock;
    private final QueryPasswordCipher cipher;

    public ServiceStore(Jdbi jdbi, Clock clock, QueryPasswordCipher cipher) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.cipher = cipher;
    }

    public Service create(ServiceDraft draft) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO service (owner_user_id, name, voiceserver_type, host, slots, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(0, draft.ownerUserId()).bind(1, draft.name()).bind(2, draft.type()).bind(3, draft.host())
                    .bind(4, draft.slots()).bind(5, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            writeFields(h, id, draft.fields());
            return load(h, id).orElseThrow().service();
        });
    }

    /** Replaces the connection data; a secret field left out keeps its stored value. */
    public Optional<Service> update(long id, ServiceDraft draft) {
        return jdbi.inTransaction(h -> {
            int rows = h.createUpdate("UPDATE service SET owner_user_id = ?, name = ?, voiceserver_type = ?, host = ?,"
                            + " slots = ? WHERE id = ?")
                    .bind(0, draft.ownerUserId()).bind(1, draft.name()).bind(2, draft.type()).bind(3, draft.host())
                    .bind(4, draft.slots()).bind(5, id).execute();
            if (rows == 0) {
                return Optional.empty();
            }
            Map<String, byte[]> kept = new HashMap<>(secretsOf(h, id));
            kept.keySet().retainAll(draft.fields().keptSecrets());
            h.createUpdate("DELETE FROM service_field WHERE service_id = ?").bind(0, id).execute();
            writeFields(h, id, draft.fields());
            kept.forEach((name, sealed) -> insert(h, id, name, null, sealed));
            for (String required : draft.fields().requiredSecrets()) {
                if (!kept.containsKey(required) && !draft.fields().secrets().containsKey(required)) {
                    // rolls the whole edit back
                    throw ApiException.badRequest("voiceserver." + required + " is required.");
                }
            }
            return load(h, id).map(Found::service);
        });
    }

    /**
     * Seals every stored secret connection field (such as a query password) again with the primary key of the query-password keyset, each in a
     * transaction of its own that holds its row; returns how many were sealed again.
     */
    public int resealQueryPasswords() {
        record Secret(long serviceId, String name) {
        }
        List<Secret> secrets = jdbi.withHandle(h -> h.createQuery(
                        "SELECT service_id, name FROM service_field WHERE value_sealed IS NOT NULL ORDER BY service_id")
                .map((rs, ctx) -> new Secret(rs.getLong(1), rs.getString(2))).list());
        int resealed = 0;
        for (Secret secret : secrets) {
            resealed += jdbi.inTransaction(h -> h.createQuery(
                            "SELECT value_sealed FROM service_field WHERE service_id = ? AND name = ? FOR UPDATE")
                    .bind(0, secret.serviceId()).bind(1, secret.name()).mapTo(byte[].class).findOne()
                    .map(sealed -> h.createUpdate(
                                    "UPDATE service_field SET value_sealed = ? WHERE service_id = ? AND name = ?")
                            .bind(0, cipher.seal(secret.serviceId(), cipher.open(secret.serviceId(), sealed)))
                            .bind(1, secret.serviceId()).bind(2, secret.name()).execute())
                    .orElse(0));
        }
        return resealed;
    }

    public Optional<Service> byId(long id) {
        return jdbi.withHandle(h -> load(h, id)).map(Found::service);
    }

    /** The owner of a service alone: one query, where {@link #byId} also reads (and unseals) its fields. */
    public Optional<Long> ownerOf(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT owner_user_id FROM service WHERE id = ?").bind(0, id)
                .mapTo(Long.class).findOne());
    }

    public List<Service> ownedBy(long userId) {
        return jdbi.withHandle(h -> withFields(h, h.createQuery("SELECT " + COLUMNS
                + " FROM service WHERE owner_user_id = ? ORDER BY id").bind(0, userId).map((rs, ctx) -> row(rs)).list(),
                " JOIN service s ON s.id = f.service_id WHERE s.owner_user_id = ?", userId));
    }

    /** Every service's voice-server type by service id, in id order: what a panel-wide chore walks. */
    public Map<Long, String> typesById() {
        Map<Long, String> types = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, voiceserver_type FROM service ORDER BY id")
                .map((rs, ctx) -> types.put(rs.getLong(1), rs.getString(2))).list());
        return types;
    }

    public List<Service> all() {
        return jdbi.withHandle(h -> withFields(h, h.createQuery("SELECT " + COLUMNS + " FROM service ORDER BY id")
                .map((rs, ctx) -> row(rs)).list(), "", null));
    }

    /** Removes the service row; its snapshots must be gone already (see backup/ServiceDeletion). */
    public boolean delete(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM service WHERE id = ?").bind(0, id).execute()) == 1;
    }

    private void writeFields(Handle h, long id, SubmittedFields fields) {
        fields.plain().forEach((name, value) -> insert(h, id, name, value, null));
        // a sealed value is bound to the row's id, which exists only after the insert
        fields.secrets().forEach((name, value) -> insert(h, id, name, null, cipher.seal(id, value)));
    }

    private static void insert(Handle h, long id, String name, String value, byte[] sealed) {
        h.createUpdate("INSERT INTO service_field (service_id, name, value, value_sealed) VALUES (?, ?, ?, ?)")
                .bind(0, id).bind(1, name).bind(2, value).bind(3, sealed).execute();
    }

    private static Map<String, byte[]> secretsOf(Handle h, long id) {
        Map<String, byte[]> secrets = new HashMap<>();
        h.createQuery("SELECT name, value_sealed FROM service_field WHERE service_id = ? AND value_sealed IS NOT NULL")
                .bind(0, id).map((rs, ctx) -> secrets.put(rs.getString(1), rs.getBytes(2))).list();
        return secrets;
    }

    /** A service with its status (api.md, Service status), read in the same query. */
    public record Found(Service service, ServiceStatus status) {
    }

    /** The service and its status in one round trip, as a backup route that writes needs both. */
    public Optional<Found> byIdWithStatus(long id) {
        return jdbi.withHandle(h -> load(h, id));
    }

    /** One round trip, as every route that names a service makes it: the row and its status beside each field. */
    private static Optional<Found> load(Handle h, long id) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, byte[]> sealed = new TreeMap<>();
        String[] status = new String[1];
        List<Service> rows = h.createQuery("SELECT s.id, s.owner_user_id, s.name, s.voiceserver_type, s.host, s.slots,"
                        + " f.name, f.value, f.value_sealed, st.status FROM service s LEFT JOIN service_field f"
                        + " ON f.service_id = s.id LEFT JOIN service_status st ON st.service_id = s.id"
                        + " WHERE s.id = ? ORDER BY f.name")
                .bind(0, id)
                .map((rs, ctx) -> {
                    String field = rs.getString(7);
                    byte[] secret = rs.getBytes(9);
                    if (field != null && secret != null) {
                        sealed.put(field, secret);
                    } else if (field != null) {
                        plain.put(field, rs.getString(8));
                    }
                    status[0] = rs.getString(10);
                    return row(rs);
                }).list();
        return rows.stream().findFirst().map(s -> new Found(new Service(s.id(), s.ownerUserId(), s.name(), s.type(),
                s.host(), s.slots(), plain, sealed), ServiceStatuses.parse(status[0])));
    }

    /** Attaches the fields of the rows {@code where} selects (with {@code key} as its one parameter, if any). */
    private static List<Service> withFields(Handle h, List<Service> services, String where, Long key) {
        Map<Long, Map<String, String>> plain = new HashMap<>();
        Map<Long, Map<String, byte[]>> sealed = new HashMap<>();
        Query query = h.createQuery("SELECT f.service_id, f.name, f.value, f.value_sealed FROM service_field f" + where
                + " ORDER BY f.name");
        if (key != null) {
            query.bind(0, key.longValue());
        }
        query.map((rs, ctx) -> {
            long serviceId = rs.getLong(1);
            byte[] secret = rs.getBytes(4);
            if (secret != null) {
                sealed.computeIfAbsent(serviceId, k -> new TreeMap<>()).put(rs.getString(2), secret);
            } else {
                plain.computeIfAbsent(serviceId, k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
            }
            return serviceId;
        }).list();
        return services.stream().map(s -> new Service(s.id(), s.ownerUserId(), s.name(), s.type(), s.host(), s.slots(),
                plain.getOrDefault(s.id(), Map.of()), sealed.getOrDefault(s.id(), Map.of()))).toList();
    }

    private static Service row(ResultSet rs) throws SQLException {
        return new Service(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), Map.of(), Map.of());
    }
}
