package org.voicepanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.voicepanel.host.PanelClient.Answer;
import org.voicepanel.host.db.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Makes the users, tokens and services a test needs through the admin routes, as an operator
 * would, and remembers every secret it made so a test can prove none of them leaks.
 */
final class PanelAdmin {

    static final String READ = "ROLE_WEBINTERFACE_BACKUPS_READ";
    static final String WRITE = "ROLE_WEBINTERFACE_BACKUPS_WRITE";

    /** A panel user with a read-write and a read-only token. */
    record User(long id, String name, String readWrite, String readOnly) {
    }

    record IssuedToken(long id, String value) {
    }

    private final PanelClient api;
    private final String adminToken;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Set<String> queryPasswords = ConcurrentHashMap.newKeySet();

    PanelAdmin(PanelClient api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    User user(String prefix) {
        String name = TestDatabase.unique(prefix);
        Answer created = api.postJson("/admin/users", adminToken, Map.of("name", name));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.data().path("user").path("id").asLong();
        return new User(id, name, token(id, READ, WRITE).value(), token(id, READ).value());
    }

    IssuedToken token(long userId, String... roles) {
        Answer created = api.postJson("/admin/users/" + userId + "/tokens", adminToken,
                Map.of("roles", List.of(roles), "description", "made by a test"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode token = created.data().path("token");
        assertThat(StreamSupport.stream(token.path("roles").spliterator(), false).map(JsonNode::asString))
                .containsExactlyInAnyOrder(roles);
        tokens.add(token.path("access_token").asString());
        return new IssuedToken(token.path("id").asLong(), token.path("access_token").asString());
    }

    /** A service of {@code owner} with a fresh query password, which answers must never show. */
    long service(User owner, String type, String host) {
        String password = "qp-" + UUID.randomUUID();
        queryPasswords.add(password);
        api.secret(password);
        Answer created = api.postJson("/admin/services", adminToken, serviceBody(owner, type, host, password));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.data().path("service").path("id").asLong();
    }

    /** A token value the test made up or sent, which the panel must not print either. */
    void remember(String token) {
        tokens.add(token);
    }

    /** Every token and query password made or sent so far, and the admin token. */
    Set<String> secrets() {
        Set<String> secrets = new HashSet<>(tokens);
        secrets.addAll(queryPasswords);
        secrets.add(adminToken);
        return secrets;
    }

    static Map<String, Object> serviceBody(User owner, String type, String host, String password) {
        Map<String, Object> voiceserver = new LinkedHashMap<>();
        voiceserver.put("type", type);
        voiceserver.put("host", host);
        // the connection fields the test provider declares; a type no test plugin serves has none
        if (!type.equals("teamspeak3")) {
            voiceserver.put("port", 10011);
            voiceserver.put("login", "serveradmin");
            voiceserver.put("password", password);
        }
        voiceserver.put("slots", 32);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("owner_user_id", owner.id());
        body.put("name", type + " on " + host);
        body.put("voiceserver", voiceserver);
        return body;
    }
}
