package org.voicepanel.host.account;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;

/** Access tokens, stored as hashes. */
@Repository
public class TokenStore {

    /** A token as listed: never the token itself. */
    public record TokenInfo(long id, long userId, Set<Role> roles, String description, boolean revoked) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public TokenStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Stores the hash of {@code token}; returns the new token's id. */
    public long create(long userId, String token, Set<Role> roles, String description) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO access_token (user_id, token_hash, roles, description, created_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .bind(0, userId).bind(1, AccessTokens.hash(token)).bind(2, encode(roles)).bind(3, description)
                .bind(4, now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** The caller a presented token stands for, unless it is unknown or revoked. */
    public Optional<Caller> authenticate(String token) {
        String hash = AccessTokens.hash(token);
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.token_hash, u.id, u.name, t.roles FROM access_token t
                        JOIN panel_user u ON u.id = t.user_id
                        WHERE t.token_hash = ? AND t.revoked_at IS NULL""")
                .bind(0, hash)
                .map((rs, ctx) -> AccessTokens.sameHash(rs.getString(1), hash)
                        ? new Caller(rs.getLong(2), rs.getString(3), decode(rs.getString(4))) : null)
                .findOne());
    }

    /** Whether the token with this hash exists and is not revoked. */
    public boolean stands(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM access_token WHERE token_hash = ? AND revoked_at IS NULL")
                .bind(0, tokenHash).mapTo(Integer.class).one()) > 0;
    }

    /** Whether this token exists and was revoked. */
    public boolean isRevoked(String token) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM access_token WHERE token_hash = ? AND revoked_at IS NOT NULL")
                .bind(0, AccessTokens.hash(token)).mapTo(Long.class).one()) > 0;
    }

    public boolean exists(String token) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM access_token WHERE token_hash = ?")
                .bind(0, AccessTokens.hash(token)).mapTo(Long.class).one()) > 0;
    }

    public List<TokenInfo> ofUser(long userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, user_id, roles, description, revoked_at IS NOT NULL FROM access_token WHERE user_id = ? ORDER BY id")
                .bind(0, userId)
                .map((rs, ctx) -> new TokenInfo(rs.getLong(1), rs.getLong(2), decode(rs.getString(3)), rs.getString(4),
                        rs.getBoolean(5)))
                .list());
    }

    /** Revokes every live token with this description but {@code keep}; returns how many. */
    public int revokeByDescriptionExcept(String description, String keep) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE access_token SET revoked_at = ? WHERE description = ?"
                        + " AND token_hash <> ? AND revoked_at IS NULL")
                .bind(0, now()).bind(1, description).bind(2, AccessTokens.hash(keep)).execute());
    }

    /** Revokes a token at once; false when there is no such token. */
    public boolean revoke(long tokenId) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE access_token SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?")
                .bind(0, now()).bind(1, tokenId).execute()) == 1;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static String encode(Set<Role> roles) {
        return roles.stream().map(Role::wireName).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> decode(String roles) {
        Set<Role> result = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(Role::fromWireName).flatMap(Optional::stream).forEach(result::add);
        return result;
    }
}
