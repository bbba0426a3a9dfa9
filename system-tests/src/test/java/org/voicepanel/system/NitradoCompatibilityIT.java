package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.system.sdk.SdkClient;
import org.voicepanel.system.sdk.SdkException;
import org.voicepanel.system.sdk.Service;
import org.voicepanel.system.sdk.Voiceserver;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import tools.jackson.databind.JsonNode;

/**
 * What code written against the original hosting API meets: service objects in its shape, a
 * client that behaves as its SDKs do, the service log, suspended services, support access by an
 * admin, and uploads of what a download answered.
 */
class NitradoCompatibilityIT {

    private static final int SLOTS = 16;
    private static final String ADMIN = PanelProcess.ADMIN_TOKEN;

    private static ServerQuerySimulator simulator;
    private static PanelProcess panel;
    private static PanelApi api;
    private static Customer alice;

    @BeforeAll
    static void start() throws IOException {
        simulator = ServerQuerySimulator.start(0);
        panel = PanelProcess.start("nitrado", "--panel.plugins.teamspeak.flood-rate=unlimited",
                "--panel.plugins.teamspeak.connect-timeout-ms=2000");
        api = new PanelApi(panel.baseUrl());
        alice = api.customer("alice", simulator.port(), SLOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(panel, simulator);
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void sdkBuildsTheVoiceserverAndRunsEveryBackupCall() throws IOException {
        SdkClient sdk = new SdkClient(panel.baseUrl(), alice.token());

        List<Service> services = sdk.getServices();

        assertThat(services).hasSize(1);
        assertThat(services.get(0)).isInstanceOf(Voiceserver.class);
        Voiceserver voiceserver = (Voiceserver) services.get(0);
        assertThat(voiceserver.getId()).isEqualTo(alice.serviceId());
        assertThat(voiceserver.getUsername()).isEqualTo("alice");
        JsonNode details = voiceserver.getDetails();
        assertThat(details.path("type").asString()).isEqualTo("teamspeak3");
        assertThat(details.path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(details.path("port").asInt()).isEqualTo(9987);
        assertThat(details.path("slots").asInt()).isEqualTo(SLOTS);
        assertThat(details.path("started").asBoolean()).isTrue();
        assertThat(details.path("specific").path("ts3_sid").asInt()).isEqualTo(1);
        assertThat(details.path("specific").has("admin_token")).isFalse();

        long created = voiceserver.createBackup().path("id").asLong();
        assertThat(voiceserver.getBackups()).anySatisfy(backup -> {
            assertThat(backup.path("id").asLong()).isEqualTo(created);
            assertThat(backup.path("snapshot_id").asLong()).isEqualTo(created);
        });
        byte[] file = voiceserver.downloadBackup(created);
        long uploaded = voiceserver.uploadBackup(file).path("id").asLong();
        assertThat(voiceserver.getBackups()).extracting(backup -> backup.path("id").asLong())
                .contains(created, uploaded);
        voiceserver.restoreBackup(uploaded);
        assertThat(simulator.deployCount()).isEqualTo(1);
        voiceserver.deleteBackup(uploaded);
        voiceserver.deleteBackup(created);
        assertThat(voiceserver.getBackups()).extracting(backup -> backup.path("id").asLong())
                .doesNotContain(created, uploaded);
        assertThat(sdk.rateLimit()).isPresent();
        assertThat(sdk.remainingRequests().orElseThrow()).isLessThan(sdk.rateLimit().orElseThrow());
    }

    @Test
    void serviceObjectsCarryTheOriginalApisFieldsBesideThePanelsOwn() throws IOException {
        Answer list = api.get("/services", alice.token());
        Answer one = api.get("/services/" + alice.serviceId(), alice.token());

        assertThat(list.data().path("services")).hasSize(1);
        for (JsonNode service : List.of(list.data().path("services").get(0), one.data().path("service"))) {
            assertThat(service.propertyNames()).containsExactlyInAnyOrder("id", "name", "owner_user_id", "voiceserver",
                    "status", "user_id", "username", "type", "details", "roles");
            assertThat(service.path("id").asLong()).isEqualTo(alice.serviceId());
            assertThat(service.path("status").asString()).isEqualTo("active");
            assertThat(service.path("user_id").asLong()).isEqualTo(alice.userId());
            assertThat(service.path("username").asString()).isEqualTo("alice");
            assertThat(service.path("type").asString()).isEqualTo("voiceserver");
            assertThat(service.path("details").path("name").asString()).isEqualTo("alice's server");
            assertThat(service.path("details").path("type").asString()).isEqualTo("teamspeak3");
            assertThat(service.path("details").path("address").asString()).isEqualTo("127.0.0.1");
            assertThat(service.path("roles")).extracting(JsonNode::asString).containsExactly("ROLE_OWNER",
                    "ROLE_WEBINTERFACE_BACKUPS_READ", "ROLE_WEBINTERFACE_BACKUPS_WRITE");
            assertThat(service.path("voiceserver").path("query_port").asInt()).isEqualTo(simulator.port());
        }
        assertThat(new String(list.body(), StandardCharsets.UTF_8) + new String(one.body(), StandardCharsets.UTF_8))
                .doesNotContain("secret").doesNotContain("query_password");
    }

    @Test
    void everyBackupActionIsLoggedWithItsResult() throws IOException {
        Customer carl = api.customer("carl", simulator.port(), SLOTS);
        String logReader = api.token(carl.userId(), List.of("ROLE_WEBINTERFACE_LOGS_READ"));
        long created = created(api.post(carl.backups(), carl.token()));
        simulator.failWith("serversnapshotcreate", 1024, "invalid serverID");
        assertThat(api.post(carl.backups(), carl.token()).status()).isEqualTo(502);
        simulator.reset();
        byte[] file = api.get(carl.backups() + "/" + created, carl.token(), "Accept", "application/octet-stream").body();
        assertThat(api.get(carl.backups() + "/999999", carl.token()).status()).isEqualTo(404);
        assertThat(api.postBytes(carl.backups() + "/upload", carl.token(), "no snapshot".getBytes(StandardCharsets.UTF_8),
                "application/octet-stream").status()).isEqualTo(422);
        long uploaded = created(api.postBytes(carl.backups() + "/upload", carl.token(), file, "application/octet-stream"));
        assertThat(api.post(carl.backups() + "/" + uploaded + "/restore", carl.token()).status()).isEqualTo(200);
        assertThat(api.delete(carl.backups() + "/" + uploaded, carl.token()).status()).isEqualTo(200);
        assertThat(api.delete(carl.backups() + "/" + uploaded, carl.token()).status()).isEqualTo(404);

        Answer log = api.get("/services/" + carl.serviceId() + "/logs", logReader);

        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        assertThat(log.data().path("current_page").asInt()).isEqualTo(1);
        assertThat(log.data().path("logs_per_page").asInt()).isEqualTo(40);
        assertThat(log.data().path("page_count").asInt()).isEqualTo(1);
        // nine backup actions, and the admin's creation of the service
        assertThat(log.data().path("log_count").asInt()).isEqualTo(10);
        JsonNode logs = log.data().path("logs");
        JsonNode oldest = logs.get(9);
        assertThat(oldest.path("user").asString()).isEqualTo("admin");
        assertThat(oldest.path("category").asString()).isEqualTo("service");
        assertThat(oldest.path("message").asString()).isEqualTo("Service created.");
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : logs) {
            if (entry == oldest) {
                continue;
            }
            assertThat(entry.path("user").asString()).isEqualTo("carl");
            assertThat(entry.path("category").asString()).isEqualTo("backup");
            assertThat(entry.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(entry.path("client_address").asString()).isEqualTo("127.0.0.1");
            assertThat(entry.path("via").asString()).isEqualTo("token");
            assertThat(entry.path("duration_ms").asLong()).isNotNegative();
            lines.add(entry.path("action").asString() + " " + entry.path("result").asString() + " "
                    + entry.path("error_code").asString("-") + " " + entry.path("snapshot_id").asString("-")
                    + " " + entry.path("message").asString());
        }
        assertThat(lines).containsExactly(
                "delete error SNAPSHOT_NOT_FOUND " + uploaded + " Deleting snapshot " + uploaded
                        + " failed (SNAPSHOT_NOT_FOUND).",
                "delete success - " + uploaded + " Snapshot " + uploaded + " deleted.",
                "restore success - " + uploaded + " Snapshot " + uploaded + " restored.",
                "upload success - " + uploaded + " Snapshot " + uploaded + " uploaded.",
                "upload error SNAPSHOT_FILE_INVALID - An upload failed (SNAPSHOT_FILE_INVALID).",
                "download error SNAPSHOT_NOT_FOUND 999999 Downloading snapshot 999999 failed (SNAPSHOT_NOT_FOUND).",
                "download success - " + created + " Snapshot " + created + " downloaded.",
                "create error VOICESERVER_ERROR - Creating a snapshot failed (VOICESERVER_ERROR).",
                "create success - " + created + " Snapshot " + created + " created.");
        assertThat(log.toString()).doesNotContain(carl.token()).doesNotContain(logReader).doesNotContain("secret");

        assertThat(api.get("/services/" + carl.serviceId() + "/logs", carl.token()).code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/services/" + carl.serviceId() + "/logs", alice.token()).code()).isEqualTo("FORBIDDEN");
        String aliceLogs = api.token(alice.userId(), List.of("ROLE_WEBINTERFACE_LOGS_READ"));
        assertThat(api.get("/services/" + carl.serviceId() + "/logs", aliceLogs).code()).isEqualTo("SERVICE_NOT_FOUND");
        // another user's attempt is not written into carl's log
        assertThat(api.get(carl.backups() + "/" + created, alice.token()).status()).isEqualTo(404);
        assertThat(api.get("/services/" + carl.serviceId() + "/logs", logReader).data().path("log_count").asInt())
                .isEqualTo(10);
    }

    @Test
    void logPagesHoldFortyEntriesAndTheAdminFiltersThePanelsLog() throws IOException {
        Customer dora = api.customer("dora", simulator.port(), SLOTS);
        long created = created(api.post(dora.backups(), dora.token()));
        for (int i = 0; i < 41; i++) {
            assertThat(api.get(dora.backups() + "/" + created, dora.token()).status()).isEqualTo(200);
        }
        String reader = api.token(dora.userId(), List.of("ROLE_WEBINTERFACE_LOGS_READ"));

        JsonNode first = api.get("/services/" + dora.serviceId() + "/logs", reader).data();
        JsonNode second = api.get("/services/" + dora.serviceId() + "/logs?page=2", reader).data();
        JsonNode beyond = api.get("/services/" + dora.serviceId() + "/logs?page=3", reader).data();

        // 41 downloads, the create, and the admin's creation of the service
        assertThat(first.path("log_count").asInt()).isEqualTo(43);
        assertThat(first.path("page_count").asInt()).isEqualTo(2);
        assertThat(first.path("logs")).hasSize(40);
        assertThat(second.path("current_page").asInt()).isEqualTo(2);
        assertThat(second.path("logs")).hasSize(3);
        assertThat(second.path("logs").get(1).path("action").asString()).isEqualTo("create");
        assertThat(second.path("logs").get(2).path("action").asString()).isEqualTo("service_create");
        assertThat(beyond.path("logs")).isEmpty();
        assertThat(api.get("/services/" + dora.serviceId() + "/logs?page=0", reader).code()).isEqualTo("BAD_REQUEST");

        JsonNode byService = api.get("/admin/logs?service_id=" + dora.serviceId() + "&page=2", ADMIN).data();
        assertThat(byService.path("log_count").asInt()).isEqualTo(43);
        assertThat(byService.path("logs")).allSatisfy(e -> assertThat(e.path("service_id").asLong())
                .isEqualTo(dora.serviceId()));
        JsonNode byUser = api.get("/admin/logs?user_id=" + dora.userId() + "&category=backup", ADMIN).data();
        assertThat(byUser.path("log_count").asInt()).isEqualTo(42);
        String createdAt = second.path("logs").get(2).path("created_at").asString();
        JsonNode before = api.get("/admin/logs?service_id=" + dora.serviceId() + "&to=" + createdAt, ADMIN).data();
        assertThat(before.path("log_count").asInt()).isZero();
        JsonNode adminChanges = api.get("/admin/logs?category=service&service_id=" + dora.serviceId(), ADMIN).data();
        assertThat(adminChanges.path("logs")).singleElement().satisfies(e -> {
            assertThat(e.path("action").asString()).isEqualTo("service_create");
            assertThat(e.path("user").asString()).isEqualTo("admin");
        });
        assertThat(api.get("/admin/logs", dora.token()).code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/admin/logs?from=yesterday", ADMIN).code()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void suspendedOrLockedServiceKeepsSnapshotsReadableAndRefusesEveryWrite() throws IOException {
        Customer erik = api.customer("erik", simulator.port(), SLOTS);
        long kept = created(api.post(erik.backups(), erik.token()));
        byte[] file = api.get(erik.backups() + "/" + kept, erik.token(), "Accept", "application/octet-stream").body();

        for (String status : List.of("suspended", "adminlocked")) {
            Answer set = api.putJson("/admin/services/" + erik.serviceId() + "/status", ADMIN, Map.of("status", status));
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            assertThat(set.data().path("service").path("status").asString()).isEqualTo(status);

            Service seen = new SdkClient(panel.baseUrl(), erik.token()).getService(erik.serviceId());
            assertThat(seen.getStatus()).isEqualTo(status);
            assertThat(((Voiceserver) seen).getBackups()).isEmpty();
            assertThatThrownBy(((Voiceserver) seen)::getDetails).hasMessageContaining("No voiceserver data");
            assertThat(api.get(erik.backups(), erik.token()).data().path("snapshots")).hasSize(1);
            assertThat(api.get("/services/" + erik.serviceId() + "/voiceservers", erik.token()).status()).isEqualTo(200);
            assertThat(api.get(erik.backups() + "/" + kept, erik.token(), "Accept", "application/octet-stream").body())
                    .isEqualTo(file);
            List<Answer> writes = List.of(api.post(erik.backups(), erik.token()),
                    api.postBytes(erik.backups() + "/upload", erik.token(), file, "application/octet-stream"),
                    api.post(erik.backups() + "/" + kept + "/restore", erik.token()),
                    api.delete(erik.backups() + "/" + kept, erik.token()),
                    api.post(erik.backups(), ADMIN));
            assertThat(writes).allSatisfy(answer -> {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(423);
                assertThat(answer.code()).isEqualTo("SERVICE_SUSPENDED");
                assertThat(answer.json().path("message").asString()).contains("is " + status);
            });
        }
        assertThat(simulator.commandCount("serversnapshotcreate")).isEqualTo(1);
        assertThat(simulator.deployCount()).isZero();
        assertThat(api.putJson("/admin/services/" + erik.serviceId() + "/status", ADMIN, Map.of("status", "gone")).code())
                .isEqualTo("BAD_REQUEST");

        api.putJson("/admin/services/" + erik.serviceId() + "/status", ADMIN, Map.of("status", "active"));
        assertThat(api.post(erik.backups(), erik.token()).status()).isEqualTo(201);
        JsonNode changes = api.get("/admin/logs?service_id=" + erik.serviceId() + "&category=service", ADMIN).data();
        assertThat(changes.path("logs")).extracting(e -> e.path("message").asString()).containsSubsequence(
                "Status set to active.", "Status set to adminlocked.", "Status set to suspended.");
    }

    @Test
    void adminActsOnAnyServicesBackupsAndTheLogNamesTheAdmin() throws IOException {
        Customer fay = api.customer("fay", simulator.port(), SLOTS);

        Answer seen = api.get("/services/" + fay.serviceId(), ADMIN);
        long created = created(api.post(fay.backups(), ADMIN));
        Answer restored = api.post(fay.backups() + "/" + created + "/restore", ADMIN);

        assertThat(seen.data().path("service").path("username").asString()).isEqualTo("fay");
        assertThat(seen.data().path("service").path("roles")).extracting(JsonNode::asString)
                .doesNotContain("ROLE_OWNER").contains("ROLE_WEBINTERFACE_BACKUPS_WRITE");
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        JsonNode listed = api.get(fay.backups(), fay.token()).data().path("snapshots").get(0);
        assertThat(listed.path("id").asLong()).isEqualTo(created);
        assertThat(listed.path("created_by").asString()).isEqualTo("admin");
        String reader = api.token(fay.userId(), List.of("ROLE_WEBINTERFACE_LOGS_READ"));
        JsonNode logs = api.get("/services/" + fay.serviceId() + "/logs", reader).data().path("logs");
        assertThat(logs).extracting(e -> e.path("user").asString() + " " + e.path("action").asString())
                .containsExactly("admin restore", "admin create", "admin service_create");
        assertThat(api.get("/services", ADMIN).data().path("services")).isEmpty();
    }

    @Test
    void uploadTakesTheJsonThatTheDownloadAnswered() throws IOException {
        Customer gus = api.customer("gus", simulator.port(), SLOTS);
        long created = created(api.post(gus.backups(), gus.token()));
        byte[] savedByCurl = api.get(gus.backups() + "/" + created, gus.token()).body();
        assertThat(new String(savedByCurl, StandardCharsets.US_ASCII)).startsWith("{\"status\":\"success\"");

        long uploaded = created(api.postBytes(gus.backups() + "/upload", gus.token(), savedByCurl, "application/json"));

        assertThat(api.post(gus.backups() + "/" + uploaded + "/restore", gus.token()).status()).isEqualTo(200);
        Answer noSnapshot = api.postBytes(gus.backups() + "/upload", gus.token(),
                "{\"status\":\"success\",\"data\":{\"snapshots\":[]}}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(noSnapshot.code()).isEqualTo("SNAPSHOT_FILE_INVALID");
        assertThat(noSnapshot.json().path("message").asString()).contains("no data.snapshot").contains("Expected");
        Answer picture = api.postBytes(gus.backups() + "/upload", gus.token(),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}, "application/octet-stream");
        assertThat(picture.code()).isEqualTo("SNAPSHOT_FILE_INVALID");
        assertThat(picture.json().path("message").asString()).contains("Expected the file a snapshot download returns");
        assertThat(api.get(gus.backups(), gus.token()).data().path("snapshots")).hasSize(2);
    }

    @Test
    void unreachableVoiceServerReachesTheSdkAsMaintenance() throws IOException {
        Customer hal = api.customer("hal", closedPort(), SLOTS);
        SdkClient sdk = new SdkClient(panel.baseUrl(), hal.token());
        Voiceserver voiceserver = (Voiceserver) sdk.getService(hal.serviceId());

        assertThat(voiceserver.getDetails().path("started").asBoolean()).isFalse();
        assertThatThrownBy(voiceserver::createBackup).isInstanceOf(SdkException.Maintenance.class)
                .hasMessageContaining("refused the connection");
    }

    private static long created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.data().path("snapshot").path("id").asLong();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
