package org.voicepanel.teamspeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.api.testing.BytesUpload;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import org.voicepanel.teamspeak.simulator.SnapshotFormat;
import org.voicepanel.teamspeak.snapshot.SnapshotDialect;
import org.voicepanel.store.SnapshotStore;
import org.voicepanel.store.testing.TestDatabase;

class UploadSafetyTest {

    @TempDir
    Path workDir;

    private ServerQuerySimulator simulator;
    private ProviderHarness panel;
    private BackupRequest request;

    @BeforeEach
    void start() {
        simulator = ServerQuerySimulator.start(0);
        panel = new ProviderHarness(workDir, Map.of());
        request = ProviderHarness.request(ProviderHarness.service(simulator.port(), 32));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void uploadSmugglingASecondCommandIsRefusedAndNeverReachesTheServer() {
        String genuine = genuineSnapshot();
        simulator.reset();

        refused(genuine + "\nserverdelete sid=1", false, "line break");
        refused(genuine + "\r\nserverdelete sid=1", false, "line break");
        refused(genuine + "|serverdelete sid=1", false, "single record");
        refused(genuine.replace(" data=", " virtualserver_maxclients=512 data="), false, "unexpected field");

        assertThat(panel.list(request)).hasSize(0);
        assertThat(simulator.receivedLines()).isEmpty();
    }

    @Test
    void smuggledCommandThatGotIntoStorageIsStillNeverSent() {
        // as if a file had been written to the store without the upload's check
        String smuggled = genuineSnapshot() + "\nserverdelete sid=1";
        SnapshotStore directStore = new SnapshotStore(TestDatabase.dataSource("teamspeak"), panel.sealer, Clock.systemUTC(),
                "ts3");
        long id;
        try {
            id = directStore.save(new SnapshotStore.NewSnapshot(request.service().serviceId(), SnapshotOrigin.UPLOADED,
                    "mallory", SnapshotDialect.VERSION_3.storedName()), new ByteArrayInputStream(bytes(smuggled)));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        simulator.reset();

        assertThatThrownBy(() -> panel.restore(request, id))
                .isInstanceOfSatisfying(BackupException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SNAPSHOT_FILE_INVALID))
                .hasMessageContaining("line break");
        assertThat(simulator.receivedLines()).isEmpty();
    }

    @Test
    void storedFileAlteredInTheDatabaseIsRefusedAtRestore() {
        long created = panel.create(request);
        Jdbi.create(TestDatabase.dataSource("teamspeak")).useHandle(h -> h.execute(
                "UPDATE ts3_snapshot_chunk SET data = REVERSE(data) WHERE snapshot_id = ?", created));
        simulator.reset();

        assertThatThrownBy(() -> panel.restore(request, created))
                .isInstanceOfSatisfying(BackupException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SNAPSHOT_FILE_INVALID))
                .hasMessageContaining("Snapshot " + created + " cannot be restored");
        assertThat(simulator.deployCount()).isZero();
    }

    @Test
    void externalSnapshotIsRefusedByDefault() {
        refused(genuineSnapshot(), true, "does not accept TeamSpeak snapshots made elsewhere");

        assertThat(panel.list(request)).isEmpty();
    }

    @Test
    void externalSnapshotIsAcceptedAndRestorableWhenTheOperatorAllowsIt() {
        simulator.snapshotFormat(SnapshotFormat.LEGACY);
        String external = genuineSnapshot();
        ProviderHarness permissive = new ProviderHarness(workDir, Map.of("accept-external-snapshots", "true"));
        simulator.virtualServer(1).name("Changed since");

        long id = permissive.upload(request, new BytesUpload(bytes(external), true));
        permissive.restore(request, id);

        assertThat(permissive.list(request)).singleElement()
                .satisfies(info -> assertThat(info.origin()).isEqualTo(SnapshotOrigin.UPLOADED));
        assertThat(simulator.virtualServer(1).name()).isNotEqualTo("Changed since");
    }

    @Test
    void externalSnapshotIsStillCheckedWhenAllowed() {
        simulator.snapshotFormat(SnapshotFormat.LEGACY);
        String altered = genuineSnapshot().replace("virtualserver_maxclients=32", "virtualserver_maxclients=999");
        ProviderHarness permissive = new ProviderHarness(workDir, Map.of("accept-external-snapshots", "true"));

        assertThatThrownBy(() -> permissive.upload(request, new BytesUpload(bytes(altered), true)))
                .isInstanceOfSatisfying(BackupException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SNAPSHOT_FILE_INVALID))
                .hasMessageContaining("hash does not match");
        assertThat(permissive.list(request)).isEmpty();
    }

    @Test
    void uploadOverTheSizeLimitIsRefused() {
        ProviderHarness strict = new ProviderHarness(workDir, Map.of("max-snapshot-bytes", "100"));

        assertThatThrownBy(() -> strict.upload(request, new BytesUpload(bytes(genuineSnapshot()), false)))
                .isInstanceOfSatisfying(BackupException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PAYLOAD_TOO_LARGE));
        assertThat(strict.list(request)).isEmpty();
    }

    @Test
    void emptyUploadIsRefused() {
        refused("", false, "empty");
    }

    private void refused(String payload, boolean external, String messagePart) {
        assertThatThrownBy(() -> panel.upload(request, new BytesUpload(bytes(payload), external)))
                .isInstanceOfSatisfying(BackupException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SNAPSHOT_FILE_INVALID))
                .hasMessageContaining(messagePart);
    }

    /** A snapshot as the simulated server writes it, taken through the panel and unsealed. */
    private String genuineSnapshot() {
        long id = panel.create(request);
        String text = new String(panel.unseal(panel.downloadBytes(request, id)), StandardCharsets.UTF_8);
        panel.delete(request, id);
        return text;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
