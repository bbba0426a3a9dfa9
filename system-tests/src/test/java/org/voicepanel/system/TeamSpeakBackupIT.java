package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import org.voicepanel.teamspeak.simulator.VirtualServer;
import tools.jackson.databind.JsonNode;

/**
 * The TeamSpeak plugin end to end: the real host jar with the real plugin jar, the ServerQuery
 * simulator over TCP, the embedded MariaDB, and the HTTP contract driven from outside.
 */
class TeamSpeakBackupIT {

    private static final int SLOTS = 20;

    private static ServerQuerySimulator simulator;
    private static PanelProcess panel;
    private static PanelApi api;
    private static Customer alice;
    private static Customer bob;

    @BeforeAll
    static void start() throws IOException {
        simulator = ServerQuerySimulator.start(0);
        panel = PanelProcess.start("teamspeak", "--panel.teamspeak.accept-external-snapshots=true",
                "--panel.plugins.teamspeak.command-timeout-ms=5000",
                "--panel.plugins.teamspeak.connect-timeout-ms=3000",
                "--panel.plugins.teamspeak.flood-rate=unlimited");
        api = new PanelApi(panel.baseUrl());
        alice = api.customer("alice", simulator.port(), SLOTS);
        bob = api.customer("bob", simulator.port(), SLOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(panel, simulator);
    }

    @BeforeEach
    void resetKnobs() {
        simulator.reset();
    }

    @Test
    void createDownloadUploadRestoreGivesBackTheCapturedServer() throws IOException {
        VirtualServer server = simulator.virtualServer(1);
        server.name("Captured name");
        server.addChannel("Captured channel");
        List<String> capturedChannels = server.channelNames();

        long created = createdId(api.post(alice.backups(), alice.token()));
        JsonNode listed = api.get(alice.backups(), alice.token()).data().path("snapshots");
        assertThat(listed.get(0).path("snapshot_id").asLong()).isEqualTo(created);
        assertThat(listed.get(0).path("origin").asString()).isEqualTo("created");
        assertThat(listed.get(0).path("created_by").asString()).isEqualTo("alice");

        byte[] file = downloadRaw(alice, created);
        assertThat(file).isEqualTo(downloadBase64(alice, created));
        assertThat(listed.get(0).path("size").asLong()).isEqualTo(file.length);

        server.name("Changed name");
        server.maxClients(512);
        server.addChannel("Added later");
        int stops = server.stopCount();
        int starts = server.startCount();

        long uploaded = createdId(api.postBytes(alice.backups() + "/upload", alice.token(), file,
                "application/octet-stream"));
        assertThat(api.get(alice.backups(), alice.token()).data().path("snapshots").get(0).path("origin").asString())
                .isEqualTo("uploaded");
        Answer restored = api.post(alice.backups() + "/" + uploaded + "/restore", alice.token());

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().path("message").asString()).isEqualTo("The Voiceserver Backup has been restored.");
        assertThat(server.name()).isEqualTo("Captured name");
        assertThat(server.channelNames()).isEqualTo(capturedChannels);
        assertThat(server.maxClients()).isEqualTo(SLOTS);
        assertThat(server.stopCount()).isGreaterThan(stops);
        assertThat(server.startCount()).isGreaterThan(starts);
        assertThat(server.status()).isEqualTo("online");
    }

    @Test
    void voiceserverRouteShowsStatusSlotsAndSnapshots() throws IOException {
        long created = createdId(api.post(alice.backups(), alice.token()));
        JsonNode voiceserver = api.get("/services/" + alice.serviceId() + "/voiceservers", alice.token())
                .data().path("voiceserver");
        assertThat(voiceserver.path("type").asString()).isEqualTo("teamspeak3");
        assertThat(voiceserver.path("status").asString()).isEqualTo("online");
        assertThat(voiceserver.path("specific").path("snapshots").get(0).path("snapshot_id").asLong()).isEqualTo(created);
        assertThat(voiceserver.toString()).doesNotContain("secret");
    }

    @Test
    void alteredCutOrForeignFilesAreRefusedAndNothingIsStored() throws IOException {
        long created = createdId(api.post(alice.backups(), alice.token()));
        byte[] file = downloadRaw(alice, created);
        JsonNode before = api.get(alice.backups(), alice.token()).data();

        byte[] tampered = file.clone();
        tampered[tampered.length / 2] ^= 0x01;
        byte[] truncated = Arrays.copyOf(file, file.length - 7);
        byte[] foreign = "this is not a snapshot file".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(tampered, truncated, foreign)) {
            Answer answer = api.postBytes(alice.backups() + "/upload", alice.token(), bad, "application/octet-stream");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
            assertThat(answer.code()).isEqualTo("SNAPSHOT_FILE_INVALID");
        }
        assertThat(api.get(alice.backups(), alice.token()).data()).isEqualTo(before);
    }

    @Test
    void uploadSmugglingASecondCommandIsRefusedAndNeverReachesTheServer() throws IOException {
        JsonNode before = api.get(alice.backups(), alice.token()).data();
        String smuggled = "version=3 data=KLUv\\/QBYAQAAdGVzdA==\nserverdelete sid=1";
        Answer answer = api.postBytes(alice.backups() + "/upload", alice.token(),
                smuggled.getBytes(StandardCharsets.UTF_8), "application/octet-stream");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(api.get(alice.backups(), alice.token()).data()).isEqualTo(before);
        assertThat(simulator.receivedLines()).noneMatch(line -> line.contains("serverdelete"));
    }

    @Test
    void accessIsCheckedBeforeAnything() throws IOException {
        long created = createdId(api.post(alice.backups(), alice.token()));
        String readOnly = api.token(alice.userId(), List.of("ROLE_WEBINTERFACE_BACKUPS_READ"));

        assertThat(api.get(alice.backups(), bob.token()).status()).isEqualTo(404);
        assertThat(api.get(alice.backups() + "/" + created, bob.token()).code()).isEqualTo("SERVICE_NOT_FOUND");
        assertThat(api.get(bob.backups() + "/" + created, bob.token()).code()).isEqualTo("SNAPSHOT_NOT_FOUND");
        assertThat(api.post(alice.backups() + "/" + created + "/restore", readOnly).status()).isEqualTo(403);
        assertThat(api.delete(alice.backups() + "/" + created, readOnly).code()).isEqualTo("FORBIDDEN");
        assertThat(api.get(alice.backups(), null).status()).isEqualTo(401);
        assertThat(api.get(alice.backups(), readOnly).status()).isEqualTo(200);
    }

    @Test
    void unreachableVoiceServerAnswers503QuicklyAndStoresNothing() throws IOException {
        Customer carol = api.customer("carol", closedPort(), SLOTS);
        Instant started = Instant.now();
        Answer answer = api.post(carol.backups(), carol.token());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("VOICESERVER_UNAVAILABLE");
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));
        assertThat(api.get(carol.backups(), carol.token()).data().path("snapshots")).isEmpty();
        assertThat(api.get("/services/" + carol.serviceId() + "/voiceservers", carol.token()).status()).isEqualTo(200);
    }

    @Test
    void deployErrorAnswers502AndLeavesTheSnapshotIntact() throws IOException {
        long created = createdId(api.post(alice.backups(), alice.token()));
        byte[] before = downloadRaw(alice, created);
        simulator.failWith("serversnapshotdeploy", 1538, "invalid parameter");

        Answer answer = api.post(alice.backups() + "/" + created + "/restore", alice.token());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(502);
        assertThat(answer.code()).isEqualTo("VOICESERVER_ERROR");
        assertThat(answer.json().path("message").asString()).contains("1538");
        assertThat(downloadRaw(alice, created)).isEqualTo(before);
        assertThat(simulator.deployCount()).isEqualTo(1);
    }

    @Test
    void twoConcurrentRestoresOfOneServiceRunOneAtATime() throws Exception {
        long created = createdId(api.post(alice.backups(), alice.token()));
        simulator.delay("serversnapshotdeploy", Duration.ofSeconds(3));
        Callable<Answer> restore = () -> api.post(alice.backups() + "/" + created + "/restore", alice.token());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Answer> first = pool.submit(restore);
            Future<Answer> second = pool.submit(restore);
            List<Integer> statuses = List.of(first.get().status(), second.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(200, 428);
            Answer busy = first.get().status() == 428 ? first.get() : second.get();
            assertThat(busy.code()).isEqualTo("SERVICE_BUSY");
        } finally {
            pool.shutdownNow();
        }
        assertThat(simulator.deployCount()).isEqualTo(1);
    }

    @Test
    void snapshotOfSeveralMegabytesRoundTrips() throws IOException {
        // a virtual server of its own, so the other tests keep a small one
        Customer dave = api.customer("dave", simulator.port(), SLOTS, 2);
        VirtualServer server = simulator.virtualServer(2);
        server.addChannels(4000, 1000);
        List<String> channels = server.channelNames();

        long created = createdId(api.post(dave.backups(), dave.token()));
        byte[] file = downloadRaw(dave, created);
        assertThat(file.length).isGreaterThan(2_000_000);
        long uploaded = createdId(api.postBytes(dave.backups() + "/upload", dave.token(),
                Base64.getEncoder().encode(file), "text/plain"));
        server.name("Before the big restore");
        server.addChannel("Added before the big restore");
        Answer restored = api.post(dave.backups() + "/" + uploaded + "/restore", dave.token());

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(server.channelNames()).isEqualTo(channels);
    }

    @Test
    void snapshotsSurviveARestartAndStayRestorable() throws Exception {
        long created = createdId(api.post(alice.backups(), alice.token()));
        JsonNode before = api.get(alice.backups(), alice.token()).data();

        panel.stop();
        panel.startAgain();

        assertThat(api.get(alice.backups(), alice.token()).data()).isEqualTo(before);
        Answer restored = api.post(alice.backups() + "/" + created + "/restore", alice.token());
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    }

    private static long createdId(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.data().path("snapshot").path("id").asLong();
    }

    private static byte[] downloadRaw(Customer customer, long snapshotId) throws IOException {
        Answer answer = api.get(customer.backups() + "/" + snapshotId, customer.token(),
                "Accept", "application/octet-stream");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.response().headers().firstValue("Content-Disposition")).get().asString()
                .startsWith("attachment; filename=");
        return answer.body();
    }

    private static byte[] downloadBase64(Customer customer, long snapshotId) throws IOException {
        Answer answer = api.get(customer.backups() + "/" + snapshotId, customer.token());
        assertThat(answer.status()).isEqualTo(200);
        return Base64.getDecoder().decode(answer.data().path("snapshot").asString());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
