package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voicepanel.host.keys.PanelKeysets;
import org.voicepanel.host.snapshotfile.KeysetSnapshotFileSealer;
import org.voicepanel.mumble.murmur.MurmurProcess;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import org.voicepanel.teamspeak.simulator.VirtualServer;
import tools.jackson.databind.JsonNode;

/**
 * The operator's key rotation end to end, with the real host and both plugin jars (a TeamSpeak simulator, a real
 * Murmur): rotate, re-seal the stored
 * snapshot files in the background, retire the old key, restart; every snapshot still downloads (matching the
 * SHA-256 the list shows) and restores, and a file downloaded before the rotation is refused once its key is gone.
 */
class KeyRotationIT {

    private static final String ADMIN = PanelProcess.ADMIN_TOKEN;

    private static ServerQuerySimulator simulator;
    private static MurmurProcess murmur;
    private static PanelProcess panel;
    private static PanelApi api;

    @BeforeAll
    static void start() throws IOException {
        simulator = ServerQuerySimulator.start(0);
        murmur = MurmurProcess.start(Path.of(System.getProperty("panel.build.dir")).resolve("murmur-key-rotation"));
        panel = PanelProcess.start("key-rotation", "--panel.plugins.teamspeak.flood-rate=unlimited");
        api = new PanelApi(panel.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(panel, simulator, murmur);
    }

    @Test
    void rotateResealRetireAndRestartKeepsEverySnapshotDownloadableAndRestorable() throws Exception {
        VirtualServer server = simulator.virtualServer(1);
        server.name("Before the rotation");
        Customer ida = api.customer("ida", simulator.port(), 10);
        long first = created(api.post(ida.backups(), ida.token()));
        long second = created(api.post(ida.backups(), ida.token()));
        Customer jo = mumbler("jo");
        long third = created(api.post(jo.backups(), jo.token()));
        Map<Long, byte[]> before = new LinkedHashMap<>();
        for (long id : List.of(first, second)) {
            before.put(id, download(ida, id));
        }
        byte[] mumbleBefore = download(jo, third);
        int oldKey = api.get("/admin/keys", ADMIN).data().path("keys").path("snapshot_files").path("primary").asInt();

        JsonNode rotated = api.post("/admin/keys/rotate", ADMIN).data().path("keys").path("snapshot_files");
        int newKey = rotated.path("primary").asInt();
        assertThat(newKey).isNotEqualTo(oldKey);
        Answer tooEarly = api.post("/admin/keys/retire", ADMIN);
        assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(409);
        assertThat(tooEarly.code()).isEqualTo("CONFLICT");

        Answer started = api.post("/admin/keys/reseal", ADMIN);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        // the TeamSpeak query password and the Murmur Ice secret
        assertThat(started.data().path("query_passwords_resealed").asInt()).isEqualTo(2);
        JsonNode run = finishedRun();
        assertThat(run.path("key_id").asInt()).isEqualTo(newKey);
        assertThat(run.path("resealed").asInt()).as(run.toString()).isEqualTo(3);
        assertThat(run.path("skipped").asInt()).isZero();
        assertThat(run.path("failed").asInt()).as(run.toString()).isZero();

        // the files changed (new key), the payloads did not; the list describes the new files
        PanelKeysets bothKeys = PanelKeysets.in(keysDir());
        for (long id : List.of(first, second)) {
            byte[] now = download(ida, id);
            assertThat(now).isNotEqualTo(before.get(id));
            assertThat(payload(bothKeys, now)).isEqualTo(payload(bothKeys, before.get(id)));
            assertListed(ida, id, now);
        }
        byte[] mumbleNow = download(jo, third);
        assertThat(payload(bothKeys, mumbleNow)).isEqualTo(payload(bothKeys, mumbleBefore));
        assertListed(jo, third, mumbleNow);

        assertThat(api.post("/admin/keys/reseal", ADMIN).status()).isEqualTo(202);
        JsonNode again = finishedRun();
        assertThat(again.path("resealed").asInt()).isZero();
        assertThat(again.path("skipped").asInt()).as(again.toString()).isEqualTo(3);

        Answer retired = api.post("/admin/keys/retire", ADMIN);
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(ints(retired.data().path("keys").path("snapshot_files").path("ids"))).containsExactly(newKey);

        panel.stop();
        panel.startAgain();

        assertThat(ints(api.get("/admin/keys", ADMIN).data().path("keys").path("snapshot_files").path("ids")))
                .containsExactly(newKey);
        for (long id : List.of(first, second)) {
            assertListed(ida, id, download(ida, id));
        }
        assertListed(jo, third, download(jo, third));
        Answer mumbleRestored = api.post(jo.backups() + "/" + third + "/restore", jo.token());
        assertThat(mumbleRestored.status()).as(mumbleRestored.toString()).isEqualTo(200);
        server.name("Changed after the rotation");
        Answer restored = api.post(ida.backups() + "/" + first + "/restore", ida.token());
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(server.name()).isEqualTo("Before the rotation");
        Answer reuploaded = api.postBytes(ida.backups() + "/upload", ida.token(), download(ida, second),
                "application/octet-stream");
        assertThat(reuploaded.status()).as(reuploaded.toString()).isEqualTo(201);
        // what was downloaded before the rotation needs the retired key
        Answer stale = api.postBytes(ida.backups() + "/upload", ida.token(), before.get(first),
                "application/octet-stream");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(422);
        assertThat(stale.code()).isEqualTo("SNAPSHOT_FILE_INVALID");
        // the service's query password was re-sealed too: the restore above reached the voice server
        Timed.observed(restored, "restore after rotate, re-seal, retire and restart", null);
    }

    private static Customer mumbler(String name) throws IOException {
        long userId = api.postJson("/admin/users", ADMIN, Map.of("name", name)).data().path("user").path("id").asLong();
        String token = api.token(userId, List.of("ROLE_WEBINTERFACE_BACKUPS_READ", "ROLE_WEBINTERFACE_BACKUPS_WRITE"));
        Answer service = api.postJson("/admin/services", ADMIN, Map.of("owner_user_id", userId, "name", name
                + "'s mumble", "voiceserver", Map.of("type", "mumble", "host", "127.0.0.1", "ice_port", murmur.icePort(),
                "ice_secret", murmur.secret(), "virtual_server_id", 1, "slots", 100)));
        assertThat(service.status()).as(service.toString()).isEqualTo(201);
        return new Customer(userId, token, service.data().path("service").path("id").asLong());
    }

    private static JsonNode finishedRun() throws IOException, InterruptedException {
        Answer status = Timed.until(Duration.ofMinutes(2), () -> api.get("/admin/keys/reseal", ADMIN),
                answer -> !"running".equals(answer.data().path("snapshot_files").path("state").asString()));
        JsonNode run = status.data().path("snapshot_files");
        assertThat(run.path("state").asString()).as(run.toString()).isEqualTo("finished");
        return run;
    }

    private static void assertListed(Customer customer, long id, byte[] file) throws Exception {
        JsonNode listed = null;
        for (JsonNode snapshot : api.get(customer.backups(), customer.token()).data().path("snapshots")) {
            if (snapshot.path("snapshot_id").asLong() == id) {
                listed = snapshot;
            }
        }
        assertThat(listed).as("snapshot " + id + " listed").isNotNull();
        assertThat(listed.path("size").asLong()).isEqualTo(file.length);
        assertThat(listed.path("sha256").asString()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(file)));
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> ints = new ArrayList<>();
        for (JsonNode element : array) {
            ints.add(element.asInt());
        }
        return ints;
    }

    private static byte[] payload(PanelKeysets keys, byte[] file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new KeysetSnapshotFileSealer(keys).unseal(new ByteArrayInputStream(file), out);
        return out.toByteArray();
    }

    private static Path keysDir() {
        return panel.home().resolve("data").resolve("keys");
    }

    private static byte[] download(Customer customer, long id) throws IOException {
        Answer answer = api.get(customer.backups() + "/" + id, customer.token(), "Accept", "application/octet-stream");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static long created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.data().path("snapshot").path("id").asLong();
    }
}
