package org.voicepanel.host.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.voicepanel.host.db.TestDatabase;

/** Access tokens on a real MariaDB: only hashes are kept, and revoking works at once. */
class TokenStoreTest {

    private final Jdbi jdbi = TestDatabase.jdbi();
    private final UserStore users = new UserStore(jdbi, Clock.systemUTC());
    private final TokenStore tokens = new TokenStore(jdbi, Clock.systemUTC());
    private final UserStore.User alice = users.create(TestDatabase.unique("alice"), null, false);

    @Test
    void onlyTheHashIsStored() {
        String token = AccessTokens.generate();
        long id = tokens.create(alice.id(), token, EnumSet.of(Role.BACKUPS_READ), "laptop");

        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("SELECT * FROM access_token WHERE id = ?")
                .bind(0, id).mapToMap().one());
        assertThat(row.get("token_hash")).isEqualTo(AccessTokens.hash(token));
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(token));
        long rowsHoldingTheToken = jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM access_token WHERE CONCAT_WS('|', token_hash, roles, description) LIKE ?")
                .bind(0, "%" + token + "%").mapTo(Long.class).one());
        assertThat(rowsHoldingTheToken).isZero();
    }

    @Test
    void tokenActsForItsUserWithItsRoles() {
        String token = AccessTokens.generate();
        tokens.create(alice.id(), token, EnumSet.of(Role.BACKUPS_READ, Role.BACKUPS_WRITE), "");

        Caller caller = tokens.authenticate(token).orElseThrow();

        assertThat(caller.userId()).isEqualTo(alice.id());
        assertThat(caller.name()).isEqualTo(alice.name());
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.BACKUPS_READ, Role.BACKUPS_WRITE);
        assertThat(tokens.exists(token)).isTrue();
    }

    @Test
    void unknownTokenDoesNotAuthenticate() {
        assertThat(tokens.authenticate(AccessTokens.generate())).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
    }

    @Test
    void revokedTokenStopsWorkingAtOnce() {
        String token = AccessTokens.generate();
        long id = tokens.create(alice.id(), token, EnumSet.of(Role.BACKUPS_READ), "");
        assertThat(tokens.authenticate(token)).isPresent();

        assertThat(tokens.revoke(id)).isTrue();

        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(tokens.ofUser(alice.id())).singleElement().satisfies(info -> {
            assertThat(info.id()).isEqualTo(id);
            assertThat(info.revoked()).isTrue();
        });
        // revoking twice is harmless; an unknown token cannot be revoked
        assertThat(tokens.revoke(id)).isTrue();
        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(tokens.revoke(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void revokingOneTokenLeavesTheUsersOthers() {
        String kept = AccessTokens.generate();
        String revoked = AccessTokens.generate();
        tokens.create(alice.id(), kept, Set.of(Role.BACKUPS_READ), "");
        tokens.revoke(tokens.create(alice.id(), revoked, Set.of(Role.BACKUPS_READ), ""));

        assertThat(tokens.authenticate(kept)).isPresent();
        assertThat(tokens.authenticate(revoked)).isEmpty();
    }
}
