package org.voicepanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voicepanel.host.PanelClient.OCTET_STREAM;
import static org.voicepanel.host.PanelClient.assertError;
import static org.voicepanel.host.PanelClient.ids;
import static org.voicepanel.host.PanelWorld.MISSING;
import static org.voicepanel.host.PanelWorld.SLOW_MILLIS;
import static org.voicepanel.host.PanelWorld.UPLOAD_LIMIT;
import static org.voicepanel.host.PanelWorld.backups;
import static org.voicepanel.host.PanelWorld.uploadedId;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.voicepanel.host.PanelAdmin.User;
import org.voicepanel.host.PanelClient.Answer;
import org.voicepanel.host.plugin.TestPlugins;
import tools.jackson.databind.JsonNode;

/**
 * The backup routes of docs/api.md, driven from outside against the real executable jar (started
 * once for this class, see {@link PanelWorld}) and the test plugin behind it: the list, create,
 * the three upload encodings, both download forms, restore and delete; files that were altered,
 * cut, sealed elsewhere or too large; a type no plugin serves; the per-service lock between two
 * concurrent requests; and, last, a restart on the same data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRoutesIT {

    static PanelWorld world;
    static PanelClient api;
    static SnapshotFiles files;
    static User alice;
    static long aliceVoice;
    static long aliceSlow;
    static long aliceBroken;
    static long aliceTeamspeak;
    static long aliceBundled;

    @BeforeAll
    static void startPanel() {
        world = new PanelWorld(BackupRoutesIT.class);
        api = world.api;
        files = world.files;
        alice = world.alice;
        aliceVoice = world.aliceVoice;
        aliceSlow = world.aliceSlow;
        aliceBroken = world.aliceBroken;
        aliceTeamspeak = world.aliceTeamspeak;
        aliceBundled = world.aliceBundled;
    }

    @AfterAll
    static void stopPanel() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void typeWithoutAPluginIsNotSupportedAndSaysWhichType() {
        String base = backups(aliceTeamspeak);
        List<Answer> answers = List.of(api.get(base, alice.readWrite()),
                api.get("/services/" + aliceTeamspeak + "/voiceservers", alice.readWrite()),
                api.post(base, alice.readWrite()),
                api.post(base + "/upload", alice.readWrite(), OCTET_STREAM, BodyPublishers.ofByteArray(files.sealed("x"))),
                api.get(base + "/1", alice.readWrite()),
                api.post(base + "/1/restore", alice.readWrite()),
                api.delete(base + "/1", alice.readWrite()));
        for (Answer answer : answers) {
            assertError(answer, 400, "BACKUPS_NOT_SUPPORTED");
            assertThat(answer.message()).contains("teamspeak3");
        }
    }

    @Test
    void voiceserverShowsTypeStatusSlotsAndSnapshots() {
        long snapshot = world.create(aliceVoice);

        JsonNode voiceserver = api.get("/services/" + aliceVoice + "/voiceservers", alice.readOnly())
                .data().path("voiceserver");

        assertThat(voiceserver.path("type").asString()).isEqualTo("testvoice");
        assertThat(voiceserver.path("status").asString()).isEqualTo("online");
        assertThat(voiceserver.path("slots").asInt()).isEqualTo(32);
        assertThat(ids(voiceserver.path("specific").path("snapshots"), "snapshot_id")).contains(snapshot);
    }

    @Test
    void voiceserverAnswersWhenTheStatusCannotBeRead() {
        Answer answer = api.get("/services/" + aliceBroken + "/voiceservers", alice.readOnly());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.data().path("voiceserver").has("status")).isFalse();
        assertThat(answer.data().path("voiceserver").path("slots").asInt()).isEqualTo(32);
    }

    @Test
    void repeatedReadsWithinTheIntervalAskTheVoiceServerOnce() {
        long service = world.admin.service(alice, "testvoice", "127.0.0.1");
        JsonNode first = world.settledVoiceserver(service);

        for (int read = 0; read < 5; read++) {
            JsonNode again = world.settledVoiceserver(service);
            // the test voice server reports, as its port, how often its status was read
            assertThat(again.path("port").asInt()).as("status reads of the voice server").isEqualTo(1);
            assertThat(again.path("status").asString()).isEqualTo("online");
            assertThat(again.path("started").asBoolean()).isTrue();
            assertThat(again.path("status_read_at").asString()).isEqualTo(first.path("status_read_at").asString())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(again.path("status_age_seconds").isIntegralNumber()).as(again.toString()).isTrue();
            assertThat(again.path("status_age_seconds").asLong()).isNotNegative();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void restoreAndServiceChangeMakeTheNextAnswerReadTheVoiceServerAgain() {
        long service = world.admin.service(alice, "testvoice", "127.0.0.1");
        long snapshot = world.create(service);
        assertThat(world.settledVoiceserver(service).path("port").asInt()).isEqualTo(1);

        assertThat(api.post(backups(service) + "/" + snapshot + "/restore", alice.readWrite()).status()).isEqualTo(200);
        JsonNode afterRestore = world.settledVoiceserver(service);
        assertThat(afterRestore.path("port").asInt()).as("read again after the restore").isEqualTo(2);
        assertThat(afterRestore.path("status").asString()).isEqualTo("online");

        var body = PanelAdmin.serviceBody(alice, "testvoice", "127.0.0.1", "another-password");
        ((java.util.Map<String, Object>) body.get("voiceserver")).put("slots", 40);
        Answer changed = api.putJson("/admin/services/" + service, world.adminToken, body);
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        JsonNode afterChange = world.settledVoiceserver(service);
        assertThat(afterChange.path("port").asInt()).as("read again after the service changed").isEqualTo(3);
        assertThat(afterChange.path("slots").asInt()).isEqualTo(40);
    }

    @Test
    void voiceServerThatIsDownIsAnsweredFromTheCacheNotWaitedFor() {
        long down = world.admin.service(alice, "testvoice", "unreachable.test");
        JsonNode unreachable = world.settledVoiceserver(down);
        assertThat(unreachable.has("status")).isFalse();
        assertThat(unreachable.path("started").asBoolean()).isFalse();
        // it was asked, and said nothing: that answer is what the next reads get, with its age
        assertThat(unreachable.path("status_age_seconds").isIntegralNumber()).isTrue();
        assertThat(world.settledVoiceserver(down).path("status_read_at").asString())
                .isEqualTo(unreachable.path("status_read_at").asString());

        long hanging = world.admin.service(alice, "testvoice", "hanging.test");
        long snapshot = world.create(hanging);
        for (int read = 0; read < 3; read++) {
            Answer answer = api.get("/services/" + hanging + "/voiceservers", alice.readOnly());
            // answered while the one read of the voice server still hangs
            assertThat(answer.status()).isEqualTo(200);
            JsonNode voiceserver = answer.data().path("voiceserver");
            assertThat(voiceserver.path("status_refreshing").asBoolean()).as(voiceserver.toString()).isTrue();
            assertThat(voiceserver.has("status")).isFalse();
            assertThat(voiceserver.has("status_age_seconds")).isFalse();
            assertThat(voiceserver.path("started").asBoolean()).isFalse();
            assertThat(ids(voiceserver.path("specific").path("snapshots"), "snapshot_id")).containsExactly(snapshot);
        }
    }

    @Test
    void createdSnapshotsAreListedNewestFirst() {
        long first = world.create(aliceVoice);
        long second = world.create(aliceVoice);

        Answer answer = api.get(backups(aliceVoice), alice.readOnly());

        assertThat(answer.status()).isEqualTo(200);
        List<Long> ids = ids(answer.data().path("snapshots"), "snapshot_id");
        assertThat(ids.subList(0, 2)).containsExactly(second, first);
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        JsonNode newest = answer.data().path("snapshots").get(0);
        assertThat(newest.propertyNames()).containsExactlyInAnyOrder("id", "snapshot_id", "created_at", "size",
                "sha256", "origin", "created_by", "pinned");
        assertThat(newest.path("id").asLong()).isEqualTo(second);
        assertThat(newest.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(newest.path("size").asLong()).isPositive();
        assertThat(newest.path("sha256").asString()).matches("[0-9a-f]{64}");
        assertThat(newest.path("origin").asString()).isEqualTo("created");
        assertThat(newest.path("created_by").asString()).isEqualTo(alice.name());
    }

    @Test
    void downloadIsBase64InTheEnvelopeOrTheRawFile() {
        long snapshot = world.create(aliceVoice);
        String path = backups(aliceVoice) + "/" + snapshot;

        Answer envelope = api.get(path, alice.readOnly());
        Answer raw = api.get(path, alice.readOnly(), OCTET_STREAM);

        assertThat(envelope.status()).isEqualTo(200);
        assertThat(envelope.json().path("status").asString()).isEqualTo("success");
        byte[] decoded = Base64.getDecoder().decode(envelope.data().path("snapshot").asString());
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.header("Content-Type")).startsWith(OCTET_STREAM);
        assertThat(raw.header("Content-Disposition")).startsWith("attachment").contains("filename=\"testvoice-")
                .contains(".snapshot\"");
        assertThat(raw.body()).isEqualTo(decoded);
        JsonNode listed = world.listed(aliceVoice, snapshot);
        assertThat(listed.path("size").asLong()).isEqualTo(decoded.length);
        assertThat(listed.path("sha256").asString()).isEqualTo(SnapshotFiles.sha256(decoded));
    }

    @Test
    void downloadedFileUploadsBackWithTheSamePayloadInEveryEncoding() {
        long original = world.create(aliceVoice);
        byte[] file = world.download(aliceVoice, original);
        String multipartBoundary = "----panel-test-" + UUID.randomUUID();

        List<Answer> uploads = List.of(
                world.upload(aliceVoice, alice.readWrite(), file),
                api.post(backups(aliceVoice) + "/upload", alice.readWrite(), "text/plain",
                        BodyPublishers.ofString(Base64.getMimeEncoder().encodeToString(file))),
                api.post(backups(aliceVoice) + "/upload", alice.readWrite(),
                        "multipart/form-data; boundary=" + multipartBoundary,
                        BodyPublishers.ofByteArray(SnapshotFiles.multipart(multipartBoundary, file))));

        for (Answer upload : uploads) {
            assertThat(upload.status()).as(upload.text()).isEqualTo(201);
            long id = upload.data().path("snapshot").path("id").asLong();
            assertThat(id).isNotEqualTo(original);
            assertThat(world.listed(aliceVoice, id).path("origin").asString()).isEqualTo("uploaded");
            assertThat(files.payloadOf(world.download(aliceVoice, id))).isEqualTo(files.payloadOf(file));
        }
    }

    @Test
    void restoreDeploysTheSnapshotToTheVoiceServer() {
        String configuration = "testvoice-config\nmarker=" + UUID.randomUUID() + "\n";
        long uploaded = uploadedId(world.upload(aliceVoice, alice.readWrite(), files.sealed(configuration)));

        Answer restored = api.post(backups(aliceVoice) + "/" + uploaded + "/restore", alice.readWrite());

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().path("message").asString()).isEqualTo("The Voiceserver Backup has been restored.");
        long taken = world.create(aliceVoice);
        assertThat(new String(files.payloadOf(world.download(aliceVoice, taken)), StandardCharsets.UTF_8)).isEqualTo(configuration);
    }

    @Test
    void deleteRemovesTheSnapshotWhole() {
        long snapshot = world.create(aliceVoice);

        Answer deleted = api.delete(backups(aliceVoice) + "/" + snapshot, alice.readWrite());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("message").asString()).isEqualTo("The Voiceserver Backup has been deleted.");
        assertThat(world.snapshotIds(aliceVoice)).doesNotContain(snapshot);
        assertError(api.delete(backups(aliceVoice) + "/" + snapshot, alice.readWrite()), 404, "SNAPSHOT_NOT_FOUND");
        assertError(api.get(backups(aliceVoice) + "/" + snapshot, alice.readWrite()), 404, "SNAPSHOT_NOT_FOUND");
        assertError(api.post(backups(aliceVoice) + "/" + snapshot + "/restore", alice.readWrite()), 404,
                "SNAPSHOT_NOT_FOUND");
    }

    @Test
    void alteredCutForeignOrOutsideFilesAre422AndStoreNothing() {
        byte[] file = world.download(aliceVoice, world.create(aliceVoice));
        byte[] altered = file.clone();
        altered[altered.length / 2] ^= 0x01;
        byte[] cut = Arrays.copyOf(file, file.length - 7);
        byte[] foreign = SnapshotFiles.foreign("testvoice-config\nforeign\n");
        byte[] outside = "testvoice-config\nmade with another tool\n".getBytes(StandardCharsets.UTF_8);
        byte[] notAConfiguration = files.sealed("a file of this panel, but not a test voice configuration");
        List<Long> before = world.snapshotIds(aliceVoice);

        for (byte[] bad : List.of(altered, cut, foreign, outside, notAConfiguration, new byte[0])) {
            assertError(world.upload(aliceVoice, alice.readWrite(), bad), 422, "SNAPSHOT_FILE_INVALID");
        }
        assertError(api.post(backups(aliceVoice) + "/upload", alice.readWrite(), "text/plain",
                BodyPublishers.ofString(Base64.getEncoder().encodeToString(altered))), 422, "SNAPSHOT_FILE_INVALID");
        assertThat(world.snapshotIds(aliceVoice)).isEqualTo(before);
    }

    @Test
    void uploadOverTheLimitIs413AndStoresNothing() {
        byte[] tooLarge = new byte[(int) UPLOAD_LIMIT + 1];
        new SecureRandom().nextBytes(tooLarge);
        String boundary = "----panel-test-" + UUID.randomUUID();
        List<Long> before = world.snapshotIds(aliceVoice);

        assertError(world.upload(aliceVoice, alice.readWrite(), tooLarge), 413, "PAYLOAD_TOO_LARGE");
        // without a Content-Length (chunked), the limit holds while the body is read
        assertError(api.post(backups(aliceVoice) + "/upload", alice.readWrite(), OCTET_STREAM,
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))), 413, "PAYLOAD_TOO_LARGE");
        assertError(api.post(backups(aliceVoice) + "/upload", alice.readWrite(), "multipart/form-data; boundary=" + boundary,
                BodyPublishers.ofByteArray(SnapshotFiles.multipart(boundary, tooLarge))), 413, "PAYLOAD_TOO_LARGE");
        assertThat(world.snapshotIds(aliceVoice)).isEqualTo(before);
    }

    @Test
    void secondWriteWhileOneRunsIsBusyAndReadsGoOn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Answer> one = CompletableFuture.supplyAsync(
                    () -> api.post(backups(aliceSlow), alice.readWrite()), pool);
            CompletableFuture<Answer> two = CompletableFuture.supplyAsync(
                    () -> api.post(backups(aliceSlow), alice.readWrite()), pool);
            Thread.sleep(SLOW_MILLIS / 4);
            assertThat(api.get(backups(aliceSlow), alice.readOnly()).status()).as("a read during a write").isEqualTo(200);

            List<Answer> answers = List.of(one.get(), two.get());

            assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(201, 428);
            Answer busy = answers.stream().filter(a -> a.status() == 428).findFirst().orElseThrow();
            assertError(busy, 428, "SERVICE_BUSY");
            assertThat(busy.message()).contains("create");
        } finally {
            pool.shutdownNow();
        }
        // the lock went with the request that held it
        assertThat(api.post(backups(aliceSlow), alice.readWrite()).status()).isEqualTo(201);
    }

    @Test
    void pluginThatBundlesThePluginApiServesItsType() {
        long snapshot = world.create(aliceBundled);

        assertThat(world.snapshotIds(aliceBundled)).containsExactly(snapshot);
        assertThat(files.payloadOf(world.download(aliceBundled, snapshot))).isNotEmpty();
    }

    @Test
    void rawDownloadOfAMissingSnapshotIsA404Envelope() {
        Answer answer = api.get(backups(aliceVoice) + "/" + MISSING, alice.readOnly(), OCTET_STREAM);

        assertError(answer, 404, "SNAPSHOT_NOT_FOUND");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void noAccessTokenOrSecretEverAppearsInThePanelsOutput() {
        world.assertOutputHoldsNoSecret();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void snapshotsAndTokensSurviveARestartOnTheSameData() {
        long snapshot = world.create(aliceVoice);
        JsonNode listBefore = api.get(backups(aliceVoice), alice.readOnly()).data().path("snapshots");
        byte[] fileBefore = world.download(aliceVoice, snapshot);

        world.panel.restart();

        // the stop closed each serving provider once; the twin, refused at each start, was closed then
        assertThat(closeCalls(TestPlugins.GOOD)).hasSize(1);
        assertThat(closeCalls(TestPlugins.BUNDLING_API)).hasSize(1);
        assertThat(closeCalls(TestPlugins.TWIN)).hasSize(2);
        assertThat(api.get(backups(aliceVoice), alice.readOnly()).data().path("snapshots")).isEqualTo(listBefore);
        assertThat(world.download(aliceVoice, snapshot)).isEqualTo(fileBefore);
        assertThat(api.post(backups(aliceVoice) + "/" + snapshot + "/restore", alice.readWrite()).status()).isEqualTo(200);
        assertThat(api.get("/admin/plugins", world.adminToken).status()).isEqualTo(200);
        world.assertOutputHoldsNoSecret();
    }

    /** The lines the test provider of {@code pluginId} wrote, one per {@code close()}, in its work folder. */
    private static List<String> closeCalls(String pluginId) {
        try {
            return Files.readAllLines(world.work.resolve("data").resolve("plugins").resolve(pluginId)
                    .resolve(TestPlugins.CLOSE_CALLS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
