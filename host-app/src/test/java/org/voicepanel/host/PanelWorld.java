package org.voicepanel.host;

import org.voicepanel.host.keys.PanelKeysets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voicepanel.host.PanelClient.OCTET_STREAM;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.voicepanel.host.PanelAdmin.User;
import org.voicepanel.host.PanelClient.Answer;
import org.voicepanel.host.db.TestDatabase;
import org.voicepanel.host.plugin.TestPlugins;
import tools.jackson.databind.JsonNode;

/**
 * What an end-to-end test class works with: the real panel started from its jar with every test
 * plugin (built as real jars) in a fresh plugins folder, its embedded MariaDB (or
 * {@code PANEL_TEST_DB_URL}), the keysets (panel.keys-dir) the test knows, and two users made through the
 * admin routes. Alice owns one service per behaviour of the test plugin (plain, {@code slow.test},
 * {@code broken.test}), one of the plugin that bundles the plugin API, and a TeamSpeak one no
 * plugin serves; bob owns one. One instance per test class.
 */
final class PanelWorld implements AutoCloseable {

    static final long UPLOAD_LIMIT = 100_000;
    static final long SLOW_MILLIS = 2_000;
    static final long MISSING = 987_654_321L;
    static final long HANGING_MILLIS = 60_000;

    final String adminToken = "admin-" + UUID.randomUUID();
    final Path keysDir;
    final Path work;
    final RunningPanel panel;
    final PanelClient api;
    final PanelAdmin admin;
    final SnapshotFiles files;
    final User alice;
    final User bob;
    final long aliceVoice;
    final long aliceSlow;
    final long aliceBroken;
    final long aliceTeamspeak;
    final long aliceBundled;
    final long bobVoice;

    PanelWorld(Class<?> testClass) {
        // most tests create many snapshots in a row: no manual-create cooldown unless a test asks for one
        this(testClass, List.of("--panel.backups.cooldown-creates=0"));
    }

    /** The same, with the panel's {@code panel.backups.*} arguments given by the test. */
    PanelWorld(Class<?> testClass, List<String> backupArguments) {
        work = TestDatabase.buildDir().resolve("it").resolve(testClass.getSimpleName() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path plugins = work.resolve("plugins");
        TestPlugins.writeAll(plugins);
        keysDir = work.resolve("keys");
        files = new SnapshotFiles(keysDir);

        List<String> arguments = new ArrayList<>(List.of(
                "--panel.data-dir=" + work.resolve("data"),
                "--panel.plugins-dir=" + plugins,
                "--panel.admin-token=" + adminToken,
                "--panel.keys-dir=" + keysDir,
                "--panel.upload-max-bytes=" + UPLOAD_LIMIT,
                "--panel.plugins.testvoice.delay-millis=" + SLOW_MILLIS,
                // a status read on hanging.test outlasts every test that makes one
                "--panel.plugins.testvoice.status-delay-millis=" + HANGING_MILLIS,
                // a status is read again only when a test changes something, never because time passed
                "--panel.voice-status.interval=1h",
                // the contract tests make more calls per user than an hour's default budget
                "--panel.rate-limit.requests-per-hour=1000000",
                "--panel.rate-limit.admin-requests-per-hour=1000000"));
        arguments.addAll(backupArguments);
        if (TestDatabase.isExternal()) {
            arguments.add("--spring.datasource.url=" + System.getenv(TestDatabase.URL_VARIABLE));
        }
        panel = RunningPanel.start(work.resolve("panel.log"), arguments);
        api = new PanelClient(panel);
        admin = new PanelAdmin(api, adminToken);

        alice = admin.user("alice");
        bob = admin.user("bob");
        aliceVoice = admin.service(alice, "testvoice", "127.0.0.1");
        aliceSlow = admin.service(alice, "testvoice", "slow.test");
        aliceBroken = admin.service(alice, "testvoice", "broken.test");
        aliceTeamspeak = admin.service(alice, "teamspeak3", "127.0.0.1");
        aliceBundled = admin.service(alice, "bundledvoice", "127.0.0.1");
        bobVoice = admin.service(bob, "testvoice", "127.0.0.1");
    }

    /** Stops the panel; its log stays for reading, its database files (large) do not. */
    @Override
    public void close() {
        panel.close();
        try (var paths = Files.walk(work.resolve("data"))) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete the panel's data: " + e);
        }
    }

    // --- alice's backups

    static String backups(Object service) {
        return "/services/" + service + "/voiceservers/backup";
    }

    long create(long service) {
        Answer created = api.post(backups(service), alice.readWrite());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.data().path("snapshot").path("id").asLong();
    }

    Answer upload(long service, String token, byte[] file) {
        return api.post(backups(service) + "/upload", token, OCTET_STREAM, BodyPublishers.ofByteArray(file));
    }

    static long uploadedId(Answer upload) {
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        return upload.data().path("snapshot").path("id").asLong();
    }

    byte[] download(long service, long snapshot) {
        Answer raw = api.get(backups(service) + "/" + snapshot, alice.readOnly(), OCTET_STREAM);
        assertThat(raw.status()).isEqualTo(200);
        return raw.body();
    }

    /** The service's {@code data.voiceserver}, asked again (a bounded few times) while its status is being read. */
    JsonNode settledVoiceserver(long service) {
        JsonNode voiceserver = null;
        for (int ask = 0; ask < 20; ask++) {
            Answer answer = api.get("/services/" + service + "/voiceservers", alice.readOnly());
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            voiceserver = answer.data().path("voiceserver");
            if (!voiceserver.path("status_refreshing").asBoolean()) {
                return voiceserver;
            }
        }
        throw new AssertionError("The status of service " + service + " stayed refreshing: " + voiceserver);
    }

    List<Long> snapshotIds(long service) {
        return snapshotIds(service, alice.readOnly());
    }

    List<Long> snapshotIds(long service, String token) {
        Answer list = api.get(backups(service), token);
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        return PanelClient.ids(list.data().path("snapshots"), "snapshot_id");
    }

    JsonNode listed(long service, long snapshot) {
        return StreamSupport.stream(api.get(backups(service), alice.readOnly()).data().path("snapshots").spliterator(), false)
                .filter(entry -> entry.path("snapshot_id").asLong() == snapshot).findFirst().orElseThrow();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether nothing secret was ever printed by the panel: tokens, query passwords, the key. */
    void assertOutputHoldsNoSecret() {
        String output = panel.output();
        assertThat(output).contains("Started VoicePanelApplication");
        for (String keyset : new String[] {PanelKeysets.SNAPSHOT_FILES, PanelKeysets.QUERY_PASSWORDS}) {
            java.util.regex.Matcher keys = java.util.regex.Pattern.compile("\"value\":\\s*\"([^\"]+)\"")
                    .matcher(readString(keysDir.resolve(keyset)));
            assertThat(keys.find()).isTrue();
            do {
                assertThat(output).as("key material in the output").doesNotContain(keys.group(1));
            } while (keys.find());
        }
        for (String secret : admin.secrets()) {
            assertThat(output).as("a token or query password in the output").doesNotContain(secret);
        }
        assertThat(output).doesNotContain("Using generated security password");
    }
}
