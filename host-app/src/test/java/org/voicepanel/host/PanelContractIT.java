package org.voicepanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voicepanel.host.PanelAdmin.READ;
import static org.voicepanel.host.PanelAdmin.WRITE;
import static org.voicepanel.host.PanelClient.OCTET_STREAM;
import static org.voicepanel.host.PanelClient.assertError;
import static org.voicepanel.host.PanelClient.ids;
import static org.voicepanel.host.PanelClient.strings;
import static org.voicepanel.host.PanelWorld.MISSING;
import static org.voicepanel.host.PanelWorld.backups;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.voicepanel.host.PanelAdmin.IssuedToken;
import org.voicepanel.host.PanelAdmin.User;
import org.voicepanel.host.PanelClient.Answer;
import org.voicepanel.host.db.TestDatabase;
import org.voicepanel.host.plugin.TestPlugins;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP contract of docs/api.md around the backups, driven from outside against the real
 * executable jar (started once for this class, see {@link PanelWorld}): health and the plugin
 * report, authentication, roles, ownership, ids, routes and the error envelope, and that no
 * token or secret ever reaches the panel's output. Every answer is also checked on arrival by
 * {@link PanelClient}: an envelope, and no internals.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class PanelContractIT {

    static PanelWorld world;
    static RunningPanel panel;
    static PanelClient api;
    static PanelAdmin admin;
    static String adminToken;
    static User alice;
    static User bob;
    static long aliceVoice;
    static long aliceBroken;
    static long bobVoice;

    @BeforeAll
    static void startPanel() {
        world = new PanelWorld(PanelContractIT.class);
        panel = world.panel;
        api = world.api;
        admin = world.admin;
        adminToken = world.adminToken;
        alice = world.alice;
        bob = world.bob;
        aliceVoice = world.aliceVoice;
        aliceBroken = world.aliceBroken;
        bobVoice = world.bobVoice;
    }

    @AfterAll
    static void stopPanel() {
        if (world != null) {
            world.close();
        }
    }

    @Nested
    @Order(1)
    class HealthAndPlugins {

        @Test
        void healthIsUp() {
            Answer health = api.get("/actuator/health", null);

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asString()).isEqualTo("UP");
        }

        @Test
        void adminPluginsShowsEveryPluginWithItsStateTypesAndReason() {
            Answer answer = api.get("/admin/plugins", adminToken);

            assertThat(answer.status()).isEqualTo(200);
            Map<String, JsonNode> plugins = new LinkedHashMap<>();
            answer.data().path("plugins").forEach(plugin -> plugins.put(plugin.path("id").asString(), plugin));
            assertThat(plugins).containsOnlyKeys(TestPlugins.GOOD, TestPlugins.BUNDLING_API, TestPlugins.NEXT_API,
                    TestPlugins.EXPLODING, TestPlugins.TWIN, TestPlugins.GARBAGE_JAR);

            JsonNode good = plugins.get(TestPlugins.GOOD);
            assertThat(good.path("version").asString()).isEqualTo(TestPlugins.GOOD_VERSION);
            assertThat(good.path("state").asString()).isEqualTo("STARTED");
            assertThat(strings(good.path("voiceserver_types"))).containsExactly(TestPlugins.GOOD_TYPE);
            assertThat(good.has("reason")).isFalse();
            assertThat(plugins.get(TestPlugins.BUNDLING_API).path("state").asString()).isEqualTo("STARTED");

            assertFailed(plugins.get(TestPlugins.NEXT_API), "DISABLED", TestPlugins.NEXT_API_REQUIRES);
            assertFailed(plugins.get(TestPlugins.EXPLODING), "FAILED", TestPlugins.EXPLODING_MESSAGE);
            assertFailed(plugins.get(TestPlugins.TWIN), "FAILED", "already served by plugin " + TestPlugins.GOOD);
            assertFailed(plugins.get(TestPlugins.GARBAGE_JAR), "FAILED", "cannot be loaded");
        }

        @Test
        void pluginsAreForAdminsOnly() {
            assertError(api.get("/admin/plugins", alice.readWrite()), 403, "FORBIDDEN");
            assertError(api.get("/admin/plugins", null), 401, "UNAUTHENTICATED");
            assertError(api.get("/admin/voiceserver-types", alice.readWrite()), 403, "FORBIDDEN");
            assertError(api.get("/admin/voiceserver-types", null), 401, "UNAUTHENTICATED");
        }

        @Test
        void voiceServerTypesListTheServedTypesWithTheFieldsTheirPluginsDeclare() {
            Answer answer = api.get("/admin/voiceserver-types", adminToken);

            assertThat(answer.status()).isEqualTo(200);
            List<String> types = new ArrayList<>();
            answer.data().path("types").forEach(type -> types.add(type.path("type").asString()));
            assertThat(types).containsExactly(TestPlugins.BUNDLING_API_TYPE, TestPlugins.GOOD_TYPE);
            JsonNode good = answer.data().path("types").get(1);
            assertThat(good.path("plugin_id").asString()).isEqualTo(TestPlugins.GOOD);
            // the test provider's declaration: a port, an admin-only login, a secret; in that order
            assertThat(good.path("fields").toString()).isEqualTo(
                    "[{\"name\":\"port\",\"kind\":\"integer\",\"required\":true,\"admin_only\":false,\"min\":1,\"max\":65535},"
                    + "{\"name\":\"login\",\"kind\":\"text\",\"required\":true,\"admin_only\":true,\"max_length\":255},"
                    + "{\"name\":\"password\",\"kind\":\"secret\",\"required\":true,\"admin_only\":false,"
                    + "\"max_length\":255}]");
        }

        private void assertFailed(JsonNode plugin, String state, String reason) {
            assertThat(plugin.path("state").asString()).as(plugin.toString()).isEqualTo(state);
            assertThat(plugin.path("reason").asString()).as(plugin.toString()).contains(reason);
            assertThat(strings(plugin.path("voiceserver_types"))).as(plugin.toString()).isEmpty();
        }
    }


    @Nested
    @Order(2)
    class Authentication {

        @Test
        void noTokenIs401() {
            assertError(api.get("/services", null), 401, "UNAUTHENTICATED");
            assertError(api.get("/services/" + aliceVoice, null), 401, "UNAUTHENTICATED");
            assertError(api.get(backups(aliceVoice), null), 401, "UNAUTHENTICATED");
            assertError(api.get(backups(aliceVoice) + "/1", null, OCTET_STREAM), 401, "UNAUTHENTICATED");
            assertError(api.post(backups(aliceVoice), null), 401, "UNAUTHENTICATED");
            assertError(api.post(backups(aliceVoice) + "/upload", null, OCTET_STREAM, BodyPublishers.ofByteArray(new byte[10])),
                    401, "UNAUTHENTICATED");
            assertError(api.delete(backups(aliceVoice) + "/1", null), 401, "UNAUTHENTICATED");
            assertError(api.postJson("/admin/users", null, Map.of("name", "mallory")), 401, "UNAUTHENTICATED");
        }

        @Test
        void unknownTokenIs401InHeaderAndQuery() {
            String unknown = "vp_" + UUID.randomUUID();
            admin.remember(unknown);
            assertError(api.get("/services", unknown), 401, "UNAUTHENTICATED");
            assertError(api.get("/services?access_token=" + unknown, null), 401, "UNAUTHENTICATED");
            assertError(api.post(backups(aliceVoice) + "?access_token=" + unknown, null), 401, "UNAUTHENTICATED");
        }

        @Test
        void tokenWorksInHeaderAndInQuery() {
            assertThat(api.get("/services", alice.readOnly()).status()).isEqualTo(200);
            assertThat(api.get("/services?access_token=" + alice.readOnly(), null).status()).isEqualTo(200);
            assertThat(api.get(backups(aliceVoice) + "?access_token=" + alice.readOnly(), null).status()).isEqualTo(200);
        }

        @Test
        void revokedTokenIs401AtOnce() {
            IssuedToken token = admin.token(alice.id(), READ, WRITE);
            assertThat(api.get(backups(aliceVoice), token.value()).status()).isEqualTo(200);

            Answer revoked = api.delete("/admin/tokens/" + token.id(), adminToken);

            assertThat(revoked.status()).isEqualTo(200);
            assertError(api.get(backups(aliceVoice), token.value()), 401, "UNAUTHENTICATED");
            assertError(api.get("/services?access_token=" + token.value(), null), 401, "UNAUTHENTICATED");
            assertError(api.post(backups(aliceVoice), token.value()), 401, "UNAUTHENTICATED");
        }
    }


    @Nested
    @Order(3)
    class Authorisation {

        @Test
        void readOnlyTokenReadsButCannotWrite() {
            long snapshot = world.create(aliceVoice);
            String readOnly = alice.readOnly();

            assertThat(api.get(backups(aliceVoice), readOnly).status()).isEqualTo(200);
            assertThat(api.get(backups(aliceVoice) + "/" + snapshot, readOnly).status()).isEqualTo(200);
            assertError(api.post(backups(aliceVoice), readOnly), 403, "FORBIDDEN");
            assertError(world.upload(aliceVoice, readOnly, world.download(aliceVoice, snapshot)), 403, "FORBIDDEN");
            assertError(api.post(backups(aliceVoice) + "/" + snapshot + "/restore", readOnly), 403, "FORBIDDEN");
            assertError(api.delete(backups(aliceVoice) + "/" + snapshot, readOnly), 403, "FORBIDDEN");
            assertThat(world.snapshotIds(aliceVoice)).contains(snapshot);
        }

        @Test
        void writeOnlyTokenCannotRead() {
            String writeOnly = admin.token(alice.id(), WRITE).value();

            assertError(api.get(backups(aliceVoice), writeOnly), 403, "FORBIDDEN");
            assertError(api.get("/services/" + aliceVoice + "/voiceservers", writeOnly), 403, "FORBIDDEN");
        }

        @Test
        void adminRoutesNeedTheAdminRole() {
            assertError(api.postJson("/admin/users", alice.readWrite(), Map.of("name", TestDatabase.unique("eve"))),
                    403, "FORBIDDEN");
            assertError(api.postJson("/admin/users/" + alice.id() + "/tokens", alice.readWrite(),
                    Map.of("roles", List.of("ROLE_ADMIN"))), 403, "FORBIDDEN");
            assertError(api.postJson("/admin/services", alice.readWrite(), PanelAdmin.serviceBody(alice, "testvoice", "127.0.0.1", "x")),
                    403, "FORBIDDEN");
            assertError(api.delete("/admin/tokens/1", alice.readWrite()), 403, "FORBIDDEN");
        }
    }


    @Nested
    @Order(4)
    class Ownership {

        @Test
        void servicesListShowsOnlyTheCallersOwnWithoutPasswords() {
            Answer mine = api.get("/services", alice.readOnly());

            assertThat(ids(mine.data().path("services")))
                    .containsExactlyInAnyOrder(aliceVoice, world.aliceSlow, aliceBroken, world.aliceTeamspeak,
                            world.aliceBundled);
            assertThat(ids(api.get("/services", bob.readOnly()).data().path("services"))).containsExactly(bobVoice);
            JsonNode one = api.get("/services/" + aliceVoice, alice.readOnly()).data().path("service");
            assertThat(one.path("voiceserver").path("type").asString()).isEqualTo("testvoice");
            assertThat(one.path("voiceserver").has("password")).isFalse();
        }

        @Test
        void anotherUsersServiceAnswersAsAMissingOne() {
            for (String path : List.of("/services/%d", "/services/%d/voiceservers", "/services/%d/voiceservers/backup")) {
                Answer theirs = api.get(path.formatted(aliceVoice), bob.readWrite());
                Answer missing = api.get(path.formatted(MISSING), bob.readWrite());
                assertError(theirs, 404, "SERVICE_NOT_FOUND");
                assertError(missing, 404, "SERVICE_NOT_FOUND");
                assertThat(theirs.message().replace(String.valueOf(aliceVoice), "N"))
                        .isEqualTo(missing.message().replace(String.valueOf(MISSING), "N"));
            }
            assertError(api.post(backups(aliceVoice), bob.readWrite()), 404, "SERVICE_NOT_FOUND");
            assertError(api.delete(backups(aliceVoice) + "/1", bob.readWrite()), 404, "SERVICE_NOT_FOUND");
        }

        @Test
        void snapshotOfAnotherServiceAnswersAsAMissingOne() {
            long alices = world.create(aliceVoice);
            String viaBob = backups(bobVoice) + "/" + alices;

            assertError(api.get(viaBob, bob.readWrite()), 404, "SNAPSHOT_NOT_FOUND");
            assertError(api.get(viaBob, bob.readWrite(), OCTET_STREAM), 404, "SNAPSHOT_NOT_FOUND");
            assertError(api.post(viaBob + "/restore", bob.readWrite()), 404, "SNAPSHOT_NOT_FOUND");
            assertError(api.delete(viaBob, bob.readWrite()), 404, "SNAPSHOT_NOT_FOUND");
            assertError(api.get(backups(bobVoice) + "/" + MISSING, bob.readWrite()), 404, "SNAPSHOT_NOT_FOUND");
            assertThat(world.snapshotIds(aliceVoice)).contains(alices);
            assertThat(world.snapshotIds(bobVoice, bob.readOnly())).doesNotContain(alices);
        }
    }


    @Nested
    @Order(5)
    class OpenApiDocument {

        /** Served by Spring Boot (health, metrics) and springdoc (the document itself), not by the panel's controllers. */
        private static final Set<String> NOT_IN_THE_DOCUMENT = Set.of("GET /actuator/health", "GET /actuator/prometheus",
                "GET /v3/api-docs");

        @Test
        void documentListsExactlyTheRoutesOfTheContract() {
            // not the envelope, so not through PanelClient, which checks every answer is one
            JsonNode document = ApiRouteTables.fetch(panel.uri("/v3/api-docs"));
            Set<String> generated = ApiRouteTables.generated(document);
            Set<String> documented = new TreeSet<>(ApiRouteTables.documented());
            assertThat(documented).containsAll(NOT_IN_THE_DOCUMENT);
            documented.removeAll(NOT_IN_THE_DOCUMENT);

            assertThat(generated).as("routes in the OpenAPI document but not in docs/api.md")
                    .isSubsetOf(documented);
            assertThat(documented).as("routes in docs/api.md but not in the OpenAPI document")
                    .isSubsetOf(generated);
            assertThat(generated).contains("DELETE /admin/services/{}", "POST /services/{}/voiceservers/backup/upload");
        }
    }

    @Nested
    @Order(6)
    class RequestsAndErrors {

        @Test
        void malformedIdsAre400() {
            for (String bad : List.of("0", "-1", "abc", "99999999999999999999", "1.5", "1e3")) {
                assertError(api.get("/services/" + bad, alice.readWrite()), 400, "BAD_REQUEST");
                assertError(api.get("/services/" + bad + "/voiceservers", alice.readWrite()), 400, "BAD_REQUEST");
                assertError(api.get(backups(bad), alice.readWrite()), 400, "BAD_REQUEST");
                assertError(api.post(backups(bad), alice.readWrite()), 400, "BAD_REQUEST");
                assertError(api.get(backups(aliceVoice) + "/" + bad, alice.readWrite()), 400, "BAD_REQUEST");
                assertError(api.delete(backups(aliceVoice) + "/" + bad, alice.readWrite()), 400, "BAD_REQUEST");
                assertError(api.post(backups(aliceVoice) + "/" + bad + "/restore", alice.readWrite()), 400, "BAD_REQUEST");
                assertError(api.delete("/admin/tokens/" + bad, adminToken), 400, "BAD_REQUEST");
                assertError(api.postJson("/admin/users/" + bad + "/tokens", adminToken, Map.of("roles", List.of(READ))),
                        400, "BAD_REQUEST");
            }
        }

        @Test
        void malformedBodiesAre400() {
            assertError(api.post("/admin/users", adminToken, "application/json", BodyPublishers.ofString("{\"name\":")),
                    400, "BAD_REQUEST");
            assertError(api.postJson("/admin/users", adminToken, Map.of("name", "no spaces allowed")), 400, "BAD_REQUEST");
            assertError(api.postJson("/admin/users/" + alice.id() + "/tokens", adminToken, Map.of("roles", List.of("ROLE_ROOT"))),
                    400, "BAD_REQUEST");
            Map<String, Object> badService = PanelAdmin.serviceBody(alice, "testvoice", "127.0.0.1", "x");
            badService.put("owner_user_id", "one");
            assertError(api.postJson("/admin/services", adminToken, badService), 400, "BAD_REQUEST");
        }

        @Test
        @SuppressWarnings("unchecked")
        void invalidServiceFieldsAreNamedInSentences() {
            Map<String, Object> noPassword = PanelAdmin.serviceBody(alice, "testvoice", "127.0.0.1", null);
            assertThat(refusal(api.postJson("/admin/services", adminToken, noPassword)))
                    .isEqualTo("The field voiceserver.password is required.");

            Map<String, Object> badHost = PanelAdmin.serviceBody(alice, "testvoice", "127.0.0.1 ; rm", "x");
            assertThat(refusal(api.postJson("/admin/services", adminToken, badHost)))
                    .isEqualTo("The field host must be a host name or IP address.");

            Map<String, Object> badPort = PanelAdmin.serviceBody(alice, "testvoice", "127.0.0.1", "x");
            ((Map<String, Object>) badPort.get("voiceserver")).put("port", 70000);
            assertThat(refusal(api.postJson("/admin/services", adminToken, badPort)))
                    .isEqualTo("The field voiceserver.port must be a whole number from 1 to 65535.");

            Map<String, Object> badLogin = PanelAdmin.serviceBody(alice, "testvoice", "127.0.0.1", "x");
            ((Map<String, Object>) badLogin.get("voiceserver")).put("login", "serveradmin\nquit");
            assertThat(refusal(api.postJson("/admin/services", adminToken, badLogin)))
                    .isEqualTo("The field voiceserver.login must not contain control characters.");

            Map<String, Object> fraction = PanelAdmin.serviceBody(alice, "testvoice", "127.0.0.1", "x");
            ((Map<String, Object>) fraction.get("voiceserver")).put("slots", 1.5);
            assertThat(refusal(api.postJson("/admin/services", adminToken, fraction)))
                    .isEqualTo("The field voiceserver.slots must be a whole number.");

            Map<String, Object> edit = PanelAdmin.serviceBody(alice, "testvoice", "127.0.0.1", null);
            edit.remove("voiceserver");
            assertThat(refusal(api.putJson("/admin/services/" + aliceVoice, adminToken, edit)))
                    .isEqualTo("A service needs owner_user_id, name and a voiceserver object.");
        }

        private String refusal(Answer answer) {
            assertError(answer, 400, "BAD_REQUEST");
            return answer.message();
        }

        @Test
        void trailingSlashIsAccepted() {
            assertThat(api.get("/services/", alice.readOnly()).status()).isEqualTo(200);
            assertThat(api.get("/services/" + aliceVoice + "/", alice.readOnly()).status()).isEqualTo(200);
            assertThat(api.get("/services/" + aliceVoice + "/voiceservers/", alice.readOnly()).status()).isEqualTo(200);
            assertThat(api.get(backups(aliceVoice) + "/?access_token=" + alice.readOnly(), null).status()).isEqualTo(200);
            assertThat(api.get("/admin/plugins/", adminToken).status()).isEqualTo(200);
            Answer created = api.post(backups(aliceVoice) + "/", alice.readWrite());
            assertThat(created.status()).isEqualTo(201);
            long snapshot = created.data().path("snapshot").path("id").asLong();
            assertThat(api.get(backups(aliceVoice) + "/" + snapshot + "/", alice.readOnly()).status()).isEqualTo(200);
            assertThat(api.delete(backups(aliceVoice) + "/" + snapshot + "/", alice.readWrite()).status()).isEqualTo(200);
        }

        @Test
        void unknownRouteMethodOrContentTypeIsAnEnvelope() {
            assertError(api.get("/no/such/route", alice.readOnly()), 404, "NOT_FOUND");
            assertError(api.get("/services/" + aliceVoice + "/voiceservers/backup/1/more", alice.readOnly()), 404, "NOT_FOUND");
            assertError(api.get("/error", alice.readOnly()), 404, "NOT_FOUND");
            assertError(api.send(api.request(backups(aliceVoice), alice.readWrite()).PUT(BodyPublishers.noBody())),
                    405, "METHOD_NOT_ALLOWED");
            assertError(api.post("/admin/users", adminToken, "text/plain", BodyPublishers.ofString("alice")),
                    415, "UNSUPPORTED_MEDIA_TYPE");
        }

        @Test
        void requestsTheFirewallRefusesAre400Envelopes() {
            assertError(api.get("//services", alice.readOnly()), 400, "BAD_REQUEST");
            assertError(api.get("/services;jsessionid=x", alice.readOnly()), 400, "BAD_REQUEST");
            assertError(api.get("/services/..;/admin/plugins?access_token=" + alice.readOnly(), null), 400, "BAD_REQUEST");
        }

        @Test
        void brokenEscapeInTheQueryTokenIsUnauthenticated() {
            assertError(api.rawGet("/services?access_token=" + alice.readOnly() + "%ZZ"), 401, "UNAUTHENTICATED");
            assertError(api.rawGet("/services?access_token=%G1"), 401, "UNAUTHENTICATED");
        }

        @Test
        void unparsableRequestIsRefusedWithoutLoggingItsToken() {
            // Tomcat refuses this before the panel sees it; the panel's output is checked in Output
            Answer refused = api.rawGet("/services?access_token=" + alice.readOnly() + "&x={|}");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(panel.output()).doesNotContain(alice.readOnly());
        }

        @Test
        void internalErrorCarriesARequestIdAndStoresNothing() {
            List<Long> before = world.snapshotIds(aliceBroken);

            Answer failed = api.post(backups(aliceBroken) + "?access_token=" + alice.readWrite(), null);

            assertError(failed, 500, "INTERNAL");
            String requestId = failed.header("X-Request-Id");
            assertThat(requestId).isNotBlank();
            assertThat(failed.message()).contains(requestId);
            assertThat(panel.output()).contains(requestId);
            assertThat(world.snapshotIds(aliceBroken)).isEqualTo(before);
        }
    }

    @Nested
    @Order(7)
    class Output {

        @Test
        void noAccessTokenOrSecretEverAppearsInThePanelsOutput() {
            world.assertOutputHoldsNoSecret();
        }
    }
}
