package org.voicepanel.teamspeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.SnapshotDownload;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.api.VoiceServerStatus;
import org.voicepanel.api.VoiceService;
import org.voicepanel.api.testing.BytesUpload;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import org.voicepanel.teamspeak.simulator.SnapshotFormat;
import org.voicepanel.teamspeak.simulator.VirtualServer;

class SnapshotLifecycleTest {

    private static final int SERVICE_SLOTS = 48;

    @TempDir
    Path workDir;

    private ServerQuerySimulator simulator;
    private ProviderHarness panel;
    private VoiceService service;
    private BackupRequest request;

    @BeforeEach
    void start() {
        simulator = ServerQuerySimulator.start(0);
        panel = new ProviderHarness(workDir, Map.of());
        service = ProviderHarness.service(simulator.port(), SERVICE_SLOTS);
        request = ProviderHarness.request(service);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SnapshotFormat.class)
    void createDownloadUploadAndRestoreGiveBackTheServerWithTheServicesSlots(SnapshotFormat format) throws Exception {
        simulator.snapshotFormat(format);
        VirtualServer server = simulator.virtualServer(1);
        server.name("Before the change");
        List<String> channelsBefore = server.channelNames();

        long created = panel.create(request);
        byte[] sealedFile = panel.downloadBytes(request, created);
        byte[] payload = panel.unseal(sealedFile);
        long uploaded = panel.upload(request, new BytesUpload(payload, false));

        List<SnapshotInfo> snapshots = panel.list(request);
        assertThat(snapshots).extracting(SnapshotInfo::snapshotId).containsExactly(uploaded, created);
        assertThat(snapshots).extracting(SnapshotInfo::origin)
                .containsExactly(SnapshotOrigin.UPLOADED, SnapshotOrigin.CREATED);
        SnapshotInfo createdInfo = snapshots.get(1);
        assertThat(createdInfo.createdBy()).isEqualTo("alice");
        assertThat(createdInfo.size()).isEqualTo(sealedFile.length);
        assertThat(createdInfo.sha256()).isEqualTo(sha256(sealedFile));

        server.name("After the change");
        server.addChannel("Added later");
        server.maxClients(500);
        simulator.reset();

        panel.restore(request, uploaded);

        assertThat(server.name()).isEqualTo("Before the change");
        assertThat(server.channelNames()).isEqualTo(channelsBefore);
        assertThat(server.maxClients()).isEqualTo(SERVICE_SLOTS);
        assertThat(server.stopCount()).isEqualTo(1);
        assertThat(server.startCount()).isEqualTo(1);
        assertThat(server.status()).isEqualTo("online");
        String deployLine = "serversnapshotdeploy -keepfiles -mapping " + new String(payload, StandardCharsets.UTF_8);
        assertThat(simulator.receivedLines()).contains(deployLine);
        assertThat(simulator.deployCount()).isEqualTo(1);
    }

    @Test
    void storesTheReplyExactlyAsTheServerSentIt() {
        long created = panel.create(request);
        simulator.reset();
        panel.restore(request, created);

        String deployLine = simulator.receivedLines().stream()
                .filter(line -> line.startsWith("serversnapshotdeploy ")).findFirst().orElseThrow();
        byte[] payload = panel.unseal(panel.downloadBytes(request, created));
        assertThat(deployLine).isEqualTo("serversnapshotdeploy -keepfiles -mapping "
                + new String(payload, StandardCharsets.UTF_8));
        assertThat(new String(payload, StandardCharsets.UTF_8)).startsWith("version=3 data=KLUv\\/");
    }

    @Test
    void eachOperationIsOneSessionThatSelectsTheVirtualServerAndQuits() {
        long created = panel.create(request);
        assertThat(commandsReceived()).containsExactly("login", "use", "serversnapshotcreate", "quit");
        assertThat(simulator.receivedLines()).contains("use sid=1 -virtual");
        simulator.reset();

        panel.restore(request, created);

        assertThat(commandsReceived()).containsExactly("login", "use", "serversnapshotdeploy", "serveredit",
                "serverinfo", "serverstop", "serverstart", "use", "serverinfo", "quit");
        assertThat(simulator.receivedLines()).contains("serveredit virtualserver_maxclients=" + SERVICE_SLOTS,
                "serverstop sid=1", "serverstart sid=1");
    }

    @Test
    void largeServerRoundTripsThroughTheDatabaseInChunks() {
        simulator.snapshotFormat(SnapshotFormat.LEGACY);
        VirtualServer server = simulator.virtualServer(1);
        server.addChannels(3000, 1000);
        List<String> channels = server.channelNames();

        long created = panel.create(request);
        assertThat(panel.list(request).get(0).size()).isGreaterThan(3L * 1024 * 1024);
        server.name("Changed");
        panel.restore(request, created);

        assertThat(server.channelNames()).isEqualTo(channels);
    }

    @Test
    void downloadNamesTheFileAfterServiceAndSnapshot() {
        long created = panel.create(request);

        SnapshotDownload download = panel.download(request, created).orElseThrow();

        assertThat(download.fileName())
                .isEqualTo("teamspeak3-service-" + service.serviceId() + "-snapshot-" + created + ".vpsnap")
                .matches("[A-Za-z0-9._-]+");
        assertThat(download.size()).isEqualTo(panel.downloadBytes(request, created).length);
    }

    @Test
    void statusReportsWhatTheServerSays() {
        simulator.virtualServer(1).maxClients(64);

        VoiceServerStatus status = panel.status(request);

        assertThat(status.status()).isEqualTo("online");
        assertThat(status.slots()).isEqualTo(64);
        assertThat(status.port()).as("the first virtual server's voice port").isEqualTo(9987);
    }

    @Test
    void statusWorksAtTheDefaultFloodRate() {
        ProviderHarness paced = new ProviderHarness(workDir, Map.of("flood-rate", "default"));

        assertThat(paced.status(request).status()).isEqualTo("online");
    }

    @Test
    void deleteRemovesTheSnapshotAndASecondDeleteFindsNothing() {
        long created = panel.create(request);

        panel.delete(request, created);

        assertThat(panel.list(request)).isEmpty();
        assertThat(panel.download(request, created)).isEmpty();
        assertThatThrownBy(() -> panel.delete(request, created)).isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.SNAPSHOT_NOT_FOUND));
    }

    @Test
    void snapshotOfAnotherServiceIsNotFoundAnywhere() {
        long created = panel.create(request);
        BackupRequest other = ProviderHarness.request(ProviderHarness.service(simulator.port(), SERVICE_SLOTS));
        simulator.reset();

        assertThat(panel.list(other)).isEmpty();
        assertThat(panel.download(other, created)).isEmpty();
        assertThatThrownBy(() -> panel.delete(other, created)).isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.SNAPSHOT_NOT_FOUND));
        assertThatThrownBy(() -> panel.restore(other, created)).isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.SNAPSHOT_NOT_FOUND));
        assertThat(simulator.deployCount()).isZero();
        assertThat(panel.list(request)).hasSize(1);
    }

    private List<String> commandsReceived() {
        return simulator.receivedLines().stream().filter(line -> !line.isBlank())
                .map(line -> line.split(" ", 2)[0]).toList();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
