package org.voicepanel.host.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;

/** Services and their voice-server connection data. */
@Repository
public class ServiceStore {

    private static final String COLUMNS = "id, owner_user_id, name, voiceserver_type, host, query_port, query_username,"
            + " query_password_sealed, virtual_server_id, slots";

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
            long id = h.createUpdate("INSERT INTO service (owner_user_id, name, voiceserver_type, host, query_port,"
                            + " query_username, query_password_sealed, virtual_server_id, slots, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, draft.ownerUserId()).bind(1, draft.name()).bind(2, draft.type()).bind(3, draft.host())
                    .bind(4, draft.queryPort()).bind(5, draft.queryUsername()).bind(6, new byte[0])
                    .bind(7, draft.virtualServerId()).bind(8, draft.slots())
                    .bind(9, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            // the sealed password is bound to the row's id, which exists only after the insert
            h.createUpdate("UPDATE service SET query_password_sealed = ? WHERE id = ?")
                    .bind(0, cipher.seal(id, draft.queryPassword())).bind(1, id).execute();
            return h.createQuery("SELECT " + COLUMNS + " FROM service WHERE id = ?").bind(0, id)
                    .map((rs, ctx) -> map(rs)).one();
        });
    }

    /** Replaces the connection data; a null password keeps the stored one. */
    public Optional<Service> update(long id, ServiceDraft draft) {
        return jdbi.inTransaction(h -> {
            int rows = h.createUpdate("UPDATE service SET owner_user_id = ?, name = ?, voiceserver_type = ?, host = ?,"
                            + " query_port = ?, query_username = ?, virtual_server_id = ?, slots = ? WHERE id = ?")
                    .bind(0, draft.ownerUserId()).bind(1, draft.name()).bind(2, draft.type()).bind(3, draft.host())
                    .bind(4, draft.queryPort()).bind(5, draft.queryUsername()).bind(6, draft.virtualServerId())
                    .bind(7, draft.slots()).bind(8, id).execute();
            if (rows == 0) {
                return Optional.empty();
            }
            if (draft.queryPassword() != null) {
                h.createUpdate("UPDATE service SET query_password_sealed = ? WHERE id = ?")
                        .bind(0, cipher.seal(id, draft.queryPassword())).bind(1, id).execute();
            }
            return h.createQuery("SELECT " + COLUMNS + " FROM service WHERE id = ?").bind(0, id)
                    .map((rs, ctx) -> map(rs)).findOne();
        });
    }

    /**
     * Seals every stored query password again with the primary key of the query-password keyset, each in a
     * transaction of its own that holds its row; returns how many were sealed again.
     */
    public int resealQueryPasswords() {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM service ORDER BY id").mapTo(Long.class)
                .list());
        int resealed = 0;
        for (long id : ids) {
            resealed += jdbi.inTransaction(h -> h.createQuery(
                            "SELECT query_password_sealed FROM service WHERE id = ? FOR UPDATE")
                    .bind(0, id).mapTo(byte[].class).findOne()
                    .map(sealed -> h.createUpdate("UPDATE service SET query_password_sealed = ? WHERE id = ?")
                            .bind(0, cipher.seal(id, cipher.open(id, sealed))).bind(1, id).execute())
                    .orElse(0));
        }
        return resealed;
    }

    public Optional<Service> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM service WHERE id = ?")
                .bind(0, id).map((rs, ctx) -> map(rs)).findOne());
    }

    public List<Service> ownedBy(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM service WHERE owner_user_id = ? ORDER BY id")
                .bind(0, userId).map((rs, ctx) -> map(rs)).list());
    }

    public List<Service> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM service ORDER BY id")
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Removes the service row; its snapshots must be gone already (see backup/ServiceDeletion). */
    public boolean delete(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM service WHERE id = ?").bind(0, id).execute()) == 1;
    }

    private static Service map(ResultSet rs) throws SQLException {
        return new Service(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), rs.getBytes(8), rs.getInt(9), rs.getInt(10));
    }
}
