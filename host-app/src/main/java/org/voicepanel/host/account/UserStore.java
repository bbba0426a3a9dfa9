package org.voicepanel.host.account;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;

/** Panel users. Passwords (for the web page) are stored as BCrypt hashes only. */
@Repository
public class UserStore {

    public record User(long id, String name, String passwordHash, boolean admin) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public UserStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public User create(String name, String passwordHash, boolean admin) {
        long id = jdbi.withHandle(h -> h.createUpdate(
                        "INSERT INTO panel_user (name, password_hash, admin, created_at) VALUES (?, ?, ?, ?)")
                .bind(0, name).bind(1, passwordHash).bind(2, admin).bind(3, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new User(id, name, passwordHash, admin);
    }

    public Optional<User> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, password_hash, admin FROM panel_user WHERE id = ?")
                .bind(0, id).map((rs, ctx) -> new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .findOne());
    }

    public Optional<User> byName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, password_hash, admin FROM panel_user WHERE name = ?")
                .bind(0, name).map((rs, ctx) -> new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .findOne());
    }

    public List<User> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, password_hash, admin FROM panel_user ORDER BY id")
                .map((rs, ctx) -> new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list());
    }

    public boolean anyAdmin() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM panel_user WHERE admin").mapTo(Long.class).one()) > 0;
    }

    /** Removes the user and (by the foreign key) their tokens; refused by the database while they own a service. */
    public boolean delete(long userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM panel_user WHERE id = ?").bind(0, userId).execute()) == 1;
    }

    public boolean setPasswordHash(long userId, String passwordHash) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE panel_user SET password_hash = ? WHERE id = ?")
                .bind(0, passwordHash).bind(1, userId).execute()) == 1;
    }
}
