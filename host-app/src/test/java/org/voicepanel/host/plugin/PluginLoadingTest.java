package org.voicepanel.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupHandlers;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.PluginApiVersion;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.SnapshotDownload;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.api.VoiceService;
import org.voicepanel.api.testing.BytesUpload;
import org.voicepanel.host.db.TestDatabase;
import org.voicepanel.host.snapshotfile.KeysetSnapshotFileSealer;
import org.voicepanel.host.keys.PanelKeysets;

/**
 * Plugin loading against real plugin jars built at test time and a real MariaDB: what is reported,
 * what is served, and that each plugin's migrations ran with their own history table. One folder
 * holds all the plugins at once, as an operator's would, so one bad plugin is also shown not to
 * disturb the others.
 */
class PluginLoadingTest {

    @TempDir
    static Path folder;

    private static final SnapshotFileSealer SEALER = new KeysetSnapshotFileSealer(randomKeysets());

    private static PluginLoading loading;

    @BeforeAll
    static void loadAllTestPlugins() {
        Path plugins = folder.resolve("plugins");
        TestPlugins.writeAll(plugins);
        loading = new PluginLoading(plugins, PluginApiVersion.CURRENT, TestDatabase.dataSource(),
                pluginId -> context(pluginId, TestDatabase.dataSource()));
    }

    @AfterAll
    static void stopPlugins() {
        if (loading != null) {
            loading.close();
        }
    }

    @Test
    void everyJarInTheFolderIsReported() {
        assertThat(loading.reports()).extracting(PluginReport::id).containsExactlyInAnyOrder(TestPlugins.GOOD,
                TestPlugins.BUNDLING_API, TestPlugins.NEXT_API, TestPlugins.EXPLODING, TestPlugins.TWIN,
                TestPlugins.GARBAGE_JAR);
    }

    @Test
    void goodPluginStartsAndServesItsTypeWithEveryRoute() {
        PluginReport report = report(TestPlugins.GOOD);
        assertThat(report.state()).isEqualTo("STARTED");
        assertThat(report.version()).isEqualTo(TestPlugins.GOOD_VERSION);
        assertThat(report.voiceServerTypes()).containsExactly(TestPlugins.GOOD_TYPE);
        assertThat(report.reason()).isNull();
        assertThat(report.view()).containsOnlyKeys("id", "version", "state", "voiceserver_types");

        ProviderRegistry.Registration registration = loading.registry().forType(TestPlugins.GOOD_TYPE).orElseThrow();
        assertThat(registration.pluginId()).isEqualTo(TestPlugins.GOOD);
        for (BackupOperation operation : BackupOperation.values()) {
            assertThat(registration.routes().handler(operation, Object.class)).as(operation.name()).isPresent();
        }
    }

    @Test
    void goodPluginsHandlersWorkThroughTheRegistry() throws IOException {
        RouteTable routes = loading.registry().forType(TestPlugins.GOOD_TYPE).orElseThrow().routes();
        BackupRequest request = request(TestPlugins.GOOD_TYPE);

        long created = handler(routes, BackupOperation.CREATE, BackupHandlers.CreateSnapshot.class).create(request);
        SnapshotDownload file = handler(routes, BackupOperation.DOWNLOAD, BackupHandlers.DownloadSnapshot.class)
                .download(request, created).orElseThrow();
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        file.writeTo(sealed);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        SEALER.unseal(new java.io.ByteArrayInputStream(sealed.toByteArray()), payload);
        long uploaded = handler(routes, BackupOperation.UPLOAD, BackupHandlers.UploadSnapshot.class)
                .upload(request, new BytesUpload(payload.toByteArray(), false));

        List<SnapshotInfo> list = handler(routes, BackupOperation.LIST, BackupHandlers.ListSnapshots.class).list(request);
        assertThat(list).extracting(SnapshotInfo::snapshotId).containsExactly(uploaded, created);
        assertThat(list).extracting(SnapshotInfo::origin).containsExactly(SnapshotOrigin.UPLOADED, SnapshotOrigin.CREATED);
        assertThat(list.get(1).size()).isEqualTo(sealed.size());
        assertThat(payload.toString(StandardCharsets.UTF_8)).startsWith("testvoice-config");
    }

    @Test
    void pluginThatBundlesThePluginApiStillWorks() throws IOException {
        try (JarFile jar = new JarFile(folder.resolve("plugins").resolve(TestPlugins.BUNDLING_API + "-1.0.0.jar").toFile())) {
            assertThat(jar.getEntry("org/voicepanel/api/VoiceBackupProvider.class")).as("bundled API copy").isNotNull();
        }
        PluginReport report = report(TestPlugins.BUNDLING_API);
        assertThat(report.state()).isEqualTo("STARTED");
        assertThat(report.voiceServerTypes()).containsExactly(TestPlugins.BUNDLING_API_TYPE);

        RouteTable routes = loading.registry().forType(TestPlugins.BUNDLING_API_TYPE).orElseThrow().routes();
        BackupRequest request = request(TestPlugins.BUNDLING_API_TYPE);
        long created = handler(routes, BackupOperation.CREATE, BackupHandlers.CreateSnapshot.class).create(request);
        assertThat(handler(routes, BackupOperation.LIST, BackupHandlers.ListSnapshots.class).list(request))
                .extracting(SnapshotInfo::snapshotId).containsExactly(created);
        // what crosses the boundary is the host's API, not the plugin's copy of it
        assertThatThrownBy(() -> handler(routes, BackupOperation.DELETE, BackupHandlers.DeleteSnapshot.class)
                .delete(request, created + 1_000_000))
                .isInstanceOf(BackupException.class)
                .satisfies(e -> assertThat(((BackupException) e).reason()).isEqualTo(BackupException.Reason.SNAPSHOT_NOT_FOUND));
    }

    @Test
    void pluginRequiringANewerApiIsDisabledWithItsReason() {
        PluginReport report = report(TestPlugins.NEXT_API);
        assertThat(report.state()).isEqualTo("DISABLED");
        assertThat(report.voiceServerTypes()).isEmpty();
        assertThat(report.reason()).contains(TestPlugins.NEXT_API_REQUIRES).contains(PluginApiVersion.CURRENT);
        assertThat(loading.registry().forType("nextvoice")).isEmpty();
    }

    @Test
    void pluginWhoseStartThrowsIsFailedWithItsReason() {
        PluginReport report = report(TestPlugins.EXPLODING);
        assertThat(report.state()).isEqualTo("FAILED");
        assertThat(report.voiceServerTypes()).isEmpty();
        assertThat(report.reason()).contains(TestPlugins.EXPLODING_MESSAGE);
        assertThat(loading.registry().forType("explodingvoice")).isEmpty();
    }

    @Test
    void secondClaimOfATypeIsRefusedAndNamesTheFirst() {
        PluginReport twin = report(TestPlugins.TWIN);
        assertThat(twin.state()).isEqualTo("FAILED");
        assertThat(twin.voiceServerTypes()).isEmpty();
        assertThat(twin.reason()).contains(TestPlugins.GOOD_TYPE).contains("already served by plugin " + TestPlugins.GOOD);
        assertThat(loading.registry().forType(TestPlugins.GOOD_TYPE).orElseThrow().pluginId()).isEqualTo(TestPlugins.GOOD);
        assertThat(report(TestPlugins.GOOD).state()).isEqualTo("STARTED");
    }

    @Test
    void jarThatIsNoJarIsReportedAndSkipped() {
        PluginReport report = report(TestPlugins.GARBAGE_JAR);
        assertThat(report.state()).isEqualTo("FAILED");
        assertThat(report.version()).isNull();
        assertThat(report.reason()).startsWith("cannot be loaded");
    }

    @Test
    void reasonsNameNoFilePath() {
        assertThat(loading.reports()).extracting(PluginReport::reason).allSatisfy(reason -> {
            if (reason != null) {
                assertThat(reason).doesNotContain(folder.toString()).doesNotContain("/").doesNotContain("Exception");
            }
        });
    }

    @Test
    void eachPluginsMigrationsRanWithTheirOwnHistoryTable() {
        var jdbi = TestDatabase.jdbi();
        for (String pluginId : List.of(TestPlugins.GOOD, TestPlugins.BUNDLING_API)) {
            List<Map<String, Object>> history = jdbi.withHandle(h -> h.createQuery(
                    "SELECT version, success FROM flyway_history_" + pluginId + " WHERE version IS NOT NULL AND version <> '0'")
                    .mapToMap().list());
            assertThat(history).as(pluginId).singleElement()
                    .satisfies(row -> assertThat(row.get("version")).isEqualTo("1"))
                    .satisfies(row -> assertThat(row.get("success")).isIn(true, 1, (byte) 1));
            assertThat(tableExists(pluginId + "_snapshot")).as(pluginId + "_snapshot").isTrue();
        }
        // the host's own history is apart from the plugins'
        assertThat(tableExists("flyway_history_host")).isTrue();
        long hostRowsOfPlugins = jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM flyway_history_host WHERE script LIKE '%voice_tables%'").mapTo(Long.class).one());
        assertThat(hostRowsOfPlugins).isZero();
        // a disabled plugin is never migrated
        assertThat(tableExists("flyway_history_" + TestPlugins.NEXT_API)).isFalse();
    }

    @Test
    void missingPluginsFolderServesNothingAndFailsNothing(@TempDir Path empty) {
        try (PluginLoading none = new PluginLoading(empty.resolve("absent"), PluginApiVersion.CURRENT,
                TestDatabase.dataSource(), pluginId -> context(pluginId, TestDatabase.dataSource()))) {
            assertThat(none.reports()).isEmpty();
            assertThat(none.registry().forType(TestPlugins.GOOD_TYPE)).isEmpty();
        }
    }

    private static boolean tableExists(String table) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?")
                .bind(0, table).mapTo(Long.class).one()) > 0;
    }

    private static PluginReport report(String id) {
        Optional<PluginReport> report = loading.reports().stream().filter(r -> r.id().equals(id)).findFirst();
        assertThat(report).as("report of " + id).isPresent();
        return report.get();
    }

    private static <H> H handler(RouteTable routes, BackupOperation operation, Class<H> type) {
        return routes.handler(operation, type).orElseThrow();
    }

    /** A fresh service id per call, so runs sharing one external database never meet. */
    private static BackupRequest request(String type) {
        long serviceId = Math.abs(new SecureRandom().nextLong() % 1_000_000_000_000L) + 1;
        return new BackupRequest(VoiceService.builder(serviceId, type).host("127.0.0.1").slots(32)
                        .field("port", 10011).field("login", "serveradmin").secret("password", "secret").build(),
                "tester", "test-request");
    }

    private static ProviderContext context(String pluginId, DataSource dataSource) {
        Path workDir = folder.resolve("work").resolve(pluginId);
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new HostProviderContext(pluginId, dataSource, key -> Optional.empty(), SEALER, Clock.systemUTC(), workDir);
    }

    private static PanelKeysets randomKeysets() {
        try {
            return PanelKeysets.in(java.nio.file.Files.createTempDirectory("plugin-test-keys-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
