package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.example.echovoice.server.EchoVoiceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voicepanel.system.PanelApi.Answer;
import tools.jackson.databind.JsonNode;

/**
 * The example plugin of docs/plugin-authors.md, a module built without the panel's parent, dropped into
 * the plugins folder of the unchanged panel beside the TeamSpeak and Mumble plugins, and driven over the
 * HTTP contract against a running Echo Voice server.
 */
class EchoVoicePluginIT {

    private static final String SECRET = "echo-admin-secret-4711";
    private static final int SERVER_SLOTS = 24;

    private static EchoVoiceServer server;
    private static PanelProcess panel;
    private static PanelApi api;

    @BeforeAll
    static void start() throws IOException {
        server = EchoVoiceServer.start(SECRET, SERVER_SLOTS);
        panel = withExamplePlugin(PanelProcess.prepare("echovoice"));
        panel.startAgain();
        api = new PanelApi(panel.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(panel, server);
    }

    /** Puts the example's plugin jar into the panel's plugins folder, as an operator would. */
    static PanelProcess withExamplePlugin(PanelProcess panel) throws IOException {
        Files.copy(Path.of(System.getProperty("panel.echovoice.plugin.jar")),
                panel.home().resolve("plugins").resolve("echo-voice-plugin.jar"));
        return panel;
    }

    @Test
    void theExamplePluginStartsBesideTheOthersWithItsType() throws IOException {
        JsonNode plugins = api.get("/admin/plugins", PanelProcess.ADMIN_TOKEN).data().path("plugins");
        assertThat(plugins).hasSize(3);
        for (JsonNode plugin : plugins) {
            assertThat(plugin.path("state").asString()).as(plugin.toString()).isEqualTo("STARTED");
        }
        assertThat(plugins.toString()).contains("\"id\":\"echovoice\"", "\"voiceserver_types\":[\"echovoice\"]");
    }

    @Test
    void backupDownloadUploadRestoreAndDeleteWorkForItsService() throws IOException {
        long userId = api.postJson("/admin/users", PanelProcess.ADMIN_TOKEN, Map.of("name", "erik"))
                .data().path("user").path("id").asLong();
        String token = api.token(userId, List.of("ROLE_WEBINTERFACE_BACKUPS_READ", "ROLE_WEBINTERFACE_BACKUPS_WRITE"));
        Answer created = api.postJson("/admin/services", PanelProcess.ADMIN_TOKEN, Map.of(
                "owner_user_id", userId, "name", "Erik's echo", "voiceserver", Map.of("type", "echovoice",
                        "host", "127.0.0.1", "admin_port", server.port(), "admin_password", SECRET, "slots", 16)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.toString()).doesNotContain(SECRET);
        long serviceId = created.data().path("service").path("id").asLong();
        String backups = "/services/" + serviceId + "/voiceservers/backup";
        List<String> channels = server.channels();

        long snapshot = createdId(api.post(backups, token));
        JsonNode voiceserver = api.get("/services/" + serviceId + "/voiceservers", token).data().path("voiceserver");
        byte[] file = api.get(backups + "/" + snapshot, token, "Accept", "application/octet-stream").body();
        server.addChannel("Raid night");
        long uploaded = createdId(api.postBytes(backups + "/upload", token, file, "application/octet-stream"));
        Answer restored = api.post(backups + "/" + uploaded + "/restore", token);

        assertThat(voiceserver.path("type").asString()).isEqualTo("echovoice");
        assertThat(voiceserver.path("status").asString()).isEqualTo("online");
        assertThat(voiceserver.path("specific").path("snapshots").get(0).path("snapshot_id").asLong())
                .isEqualTo(snapshot);
        assertThat(voiceserver.toString()).doesNotContain(SECRET);
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(server.channels()).isEqualTo(channels);
        assertThat(api.delete(backups + "/" + snapshot, token).status()).isEqualTo(200);
        assertThat(api.get(backups, token).data().path("snapshots")).extracting(node -> node.path("snapshot_id").asLong())
                .containsExactly(uploaded);
        assertThat(panel.output()).doesNotContain(SECRET);
    }

    @Test
    void aServerThatCannotBeReachedIsUnavailableAndStoresNothing() throws IOException {
        long userId = api.postJson("/admin/users", PanelProcess.ADMIN_TOKEN, Map.of("name", "nobody"))
                .data().path("user").path("id").asLong();
        String token = api.token(userId, List.of("ROLE_WEBINTERFACE_BACKUPS_READ", "ROLE_WEBINTERFACE_BACKUPS_WRITE"));
        long serviceId = api.postJson("/admin/services", PanelProcess.ADMIN_TOKEN, Map.of(
                "owner_user_id", userId, "name", "gone", "voiceserver", Map.of("type", "echovoice",
                        "host", "127.0.0.1", "admin_port", EchoVoiceServer.freePort(), "admin_password", SECRET,
                        "slots", 4))).data().path("service").path("id").asLong();
        String backups = "/services/" + serviceId + "/voiceservers/backup";

        Answer refused = api.post(backups, token);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("VOICESERVER_UNAVAILABLE");
        assertThat(api.get(backups, token).data().path("snapshots")).isEmpty();
    }

    private static long createdId(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.data().path("snapshot").path("id").asLong();
    }
}
