package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import Murmur.ServerPrx;
import com.zeroc.Ice.UserException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voicepanel.mumble.murmur.MurmurProcess;
import org.voicepanel.mumble.murmur.ServerContent;
import org.voicepanel.mumble.murmur.ServerSetup;
import org.voicepanel.system.PanelApi.Answer;
import tools.jackson.databind.JsonNode;

/**
 * The Mumble plugin end to end: the real host jar with the real plugin jar, a real murmurd over Ice, the
 * embedded MariaDB, and the HTTP contract driven from outside, including a server that cannot be
 * reached, a wrong Ice secret, a stopped virtual server and a virtual server with 1,000 channels.
 */
class MumbleBackupIT {

    private static final int SLOTS = 100;

    private static MurmurProcess murmur;
    private static PanelProcess panel;
    private static PanelApi api;
    private static Mumbler alice;

    /** A panel user with both backup roles and a mumble service. */
    record Mumbler(long userId, String token, long serviceId) {

        String backups() {
            return "/services/" + serviceId + "/voiceservers/backup";
        }
    }

    @BeforeAll
    static void start() throws IOException, UserException {
        murmur = MurmurProcess.start(Path.of(System.getProperty("panel.build.dir")).resolve("murmur"));
        ServerSetup.populate(murmur.server());
        panel = PanelProcess.start("mumble", "--panel.plugins.mumble.connect-timeout-ms=2000");
        api = new PanelApi(panel.baseUrl());
        alice = mumbler("alice", murmur.icePort(), murmur.secret(), 1);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(panel, murmur);
    }

    @Test
    void bothPluginsAreLoadedEachWithItsType() throws IOException {
        JsonNode plugins = api.get("/admin/plugins", PanelProcess.ADMIN_TOKEN).data().path("plugins");
        assertThat(plugins.toString()).contains("\"mumble\"", "\"teamspeak3\"");
        for (JsonNode plugin : plugins) {
            assertThat(plugin.path("state").asString()).as(plugin.toString()).isEqualTo("STARTED");
        }
    }

    @Test
    void serviceTakesMumbleFieldsAndNeverShowsTheSecret() throws IOException {
        Answer mine = api.get("/services/" + alice.serviceId(), alice.token());
        JsonNode voiceserver = mine.data().path("service").path("voiceserver");
        assertThat(voiceserver.path("ice_port").asInt()).isEqualTo(murmur.icePort());
        assertThat(voiceserver.path("virtual_server_id").asInt()).isEqualTo(1);
        assertThat(voiceserver.has("ice_secret")).isFalse();
        assertThat(api.get("/admin/services", PanelProcess.ADMIN_TOKEN).toString()).doesNotContain(murmur.secret());

        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("type", "mumble", "host", "127.0.0.1", "ice_port", 70000, "virtual_server_id", 1,
                        "slots", 5),
                Map.<String, Object>of("type", "mumble", "host", "127.0.0.1", "query_port", 10011, "ice_port", 6502,
                        "virtual_server_id", 1, "slots", 5),
                Map.<String, Object>of("type", "mumble", "host", "127.0.0.1", "ice_port", 6502, "slots", 5))) {
            Answer refused = api.postJson("/admin/services", PanelProcess.ADMIN_TOKEN, Map.of(
                    "owner_user_id", alice.userId(), "name", "bad", "voiceserver", bad));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void createDownloadUploadRestoreGivesBackTheCapturedServer() throws IOException, UserException {
        ServerPrx server = murmur.server();
        int erin = ServerSetup.register(server, "erin", "");
        Object captured = ServerContent.of(server);
        long created = createdId(api.post(alice.backups(), alice.token()));
        JsonNode listed = api.get(alice.backups(), alice.token()).data().path("snapshots");
        assertThat(listed.get(0).path("snapshot_id").asLong()).isEqualTo(created);
        assertThat(listed.get(0).path("origin").asString()).isEqualTo("created");
        byte[] file = download(created);
        assertThat(listed.get(0).path("size").asLong()).isEqualTo(file.length);

        server.unregisterUser(erin);
        ServerSetup.change(server);
        long uploaded = createdId(api.postBytes(alice.backups() + "/upload", alice.token(), file,
                "application/octet-stream"));
        Answer restored = api.post(alice.backups() + "/" + uploaded + "/restore", alice.token());

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().path("message").asString()).isEqualTo("The Voiceserver Backup has been restored.");
        assertThat(restored.data().path("not_restored").toString()).contains("erin", "new password");
        assertThat(ServerContent.of(murmur.server())).isEqualTo(captured);
        assertThat(api.delete(alice.backups() + "/" + uploaded, alice.token()).status()).isEqualTo(200);
        assertThat(api.get(alice.backups(), alice.token()).data().toString()).doesNotContain("\"snapshot_id\":" + uploaded + ",");
    }

    @Test
    void voiceserverRouteShowsStatusSlotsAndSnapshots() throws IOException {
        JsonNode voiceserver = api.get("/services/" + alice.serviceId() + "/voiceservers", alice.token())
                .data().path("voiceserver");
        assertThat(voiceserver.path("type").asString()).isEqualTo("mumble");
        assertThat(voiceserver.path("status").asString()).isEqualTo("online");
        assertThat(voiceserver.path("slots").asInt()).isEqualTo(SLOTS);
        assertThat(voiceserver.toString()).doesNotContain(murmur.secret());
    }

    @Test
    void unreachableIcePortAndWrongSecretAreClearErrorsAndStoreNothing() throws IOException {
        Mumbler nowhere = mumbler("nowhere", MurmurProcess.freePort(), murmur.secret(), 1);
        String wrongSecret = "wrong-" + murmur.secret();
        Mumbler wrong = mumbler("wrong", murmur.icePort(), wrongSecret, 1);

        Answer unreachable = api.post(nowhere.backups(), nowhere.token());
        Answer refused = api.post(wrong.backups(), wrong.token());

        assertThat(unreachable.status()).as(unreachable.toString()).isEqualTo(503);
        assertThat(unreachable.code()).isEqualTo("VOICESERVER_UNAVAILABLE");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(502);
        assertThat(refused.code()).isEqualTo("VOICESERVER_ERROR");
        assertThat(refused.toString()).contains("Ice secret").doesNotContain(wrongSecret);
        for (Mumbler failed : List.of(nowhere, wrong)) {
            assertThat(api.get(failed.backups(), failed.token()).data().path("snapshots")).isEmpty();
        }
        assertThat(panel.output()).doesNotContain(wrongSecret).doesNotContain(murmur.secret());
    }

    @Test
    void stoppedServerIsOfflineRefusesASnapshotAndIsStartedByARestore() throws IOException, UserException {
        ServerPrx second = murmur.newServer();
        ServerSetup.populate(second);
        int id = second.id();
        Mumbler bob = mumbler("bob", murmur.icePort(), murmur.secret(), id);
        long created = createdId(api.post(bob.backups(), bob.token()));
        Object captured = ServerContent.of(second);
        ServerSetup.change(second);
        second.stop();

        JsonNode status = api.get("/services/" + bob.serviceId() + "/voiceservers", bob.token()).data()
                .path("voiceserver");
        Answer refused = api.post(bob.backups(), bob.token());
        Answer restored = api.post(bob.backups() + "/" + created + "/restore", bob.token());

        assertThat(status.path("status").asString()).isEqualTo("offline");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(502);
        assertThat(refused.toString()).contains("not running");
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(second.isRunning()).isTrue();
        assertThat(ServerContent.of(second)).isEqualTo(captured);
    }

    @Test
    void thousandChannelServerRoundTrips() throws IOException, UserException {
        ServerPrx big = murmur.newServer();
        int parent = 0;
        for (int i = 0; i < 1_000; i++) {
            parent = big.addChannel("Channel " + i, i % 10 == 0 ? 0 : parent);
        }
        Mumbler carol = mumbler("carol", murmur.icePort(), murmur.secret(), big.id());
        Object captured = ServerContent.of(big);
        long created = createdId(api.post(carol.backups(), carol.token()));
        ServerSetup.change(big);

        Answer restored = api.post(carol.backups() + "/" + created + "/restore", carol.token());

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(big.getChannels()).hasSize(1_001);
        assertThat(ServerContent.of(big)).isEqualTo(captured);
    }

    private static Mumbler mumbler(String name, int icePort, String secret, int virtualServerId) throws IOException {
        long userId = api.postJson("/admin/users", PanelProcess.ADMIN_TOKEN, Map.of("name", name))
                .data().path("user").path("id").asLong();
        String token = api.token(userId, List.of("ROLE_WEBINTERFACE_BACKUPS_READ", "ROLE_WEBINTERFACE_BACKUPS_WRITE"));
        Map<String, Object> voiceserver = new HashMap<>(Map.of("type", "mumble", "host", "127.0.0.1",
                "ice_port", icePort, "ice_secret", secret, "virtual_server_id", virtualServerId, "slots", SLOTS));
        Answer service = api.postJson("/admin/services", PanelProcess.ADMIN_TOKEN, Map.of(
                "owner_user_id", userId, "name", name + "'s mumble", "voiceserver", voiceserver));
        assertThat(service.status()).as(service.toString()).isEqualTo(201);
        assertThat(service.toString()).doesNotContain(secret);
        return new Mumbler(userId, token, service.data().path("service").path("id").asLong());
    }

    private byte[] download(long snapshotId) throws IOException {
        Answer raw = api.get(alice.backups() + "/" + snapshotId, alice.token(), "Accept", "application/octet-stream");
        assertThat(raw.status()).isEqualTo(200);
        Answer json = api.get(alice.backups() + "/" + snapshotId, alice.token());
        assertThat(Base64.getDecoder().decode(json.data().path("snapshot").asString())).isEqualTo(raw.body());
        return raw.body();
    }

    private static long createdId(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.data().path("snapshot").path("id").asLong();
    }
}
