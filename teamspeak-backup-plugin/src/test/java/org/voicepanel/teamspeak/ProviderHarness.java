package org.voicepanel.teamspeak;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.RestoreReport;
import org.voicepanel.api.SnapshotDownload;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.UploadedSnapshot;
import org.voicepanel.api.VoiceServerStatus;
import org.voicepanel.api.VoiceService;
import org.voicepanel.api.testing.RecordedRoutes;
import org.voicepanel.api.testing.TestProviderContext;
import org.voicepanel.api.testing.TestSnapshotFileSealer;
import org.voicepanel.store.testing.TestDatabase;

/**
 * The provider as the host sees it: built from a context of real parts (MariaDB, the test sealer), its
 * handlers called through the routes it registered.
 */
final class ProviderHarness {

    final TestSnapshotFileSealer sealer = new TestSnapshotFileSealer();
    final RecordedRoutes routes = new RecordedRoutes();
    final TeamSpeakBackupProvider provider;

    ProviderHarness(Path workDir, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of(
                "flood-rate", "unlimited",
                "connect-timeout-ms", "2000",
                "command-timeout-ms", "5000"));
        all.putAll(settings);
        provider = new TeamSpeakBackupProvider(new TestProviderContext("teamspeak", TestDatabase.dataSource("teamspeak"), all,
                sealer, Clock.systemUTC(), workDir));
        provider.registerRoutes(routes);
    }

    static VoiceService service(int queryPort, int slots) {
        return service(TestDatabase.newServiceId(), queryPort, slots);
    }

    /** A teamspeak3 service as the host hands it over: the ServerQuery login its plugin declares. */
    static VoiceService service(long serviceId, int queryPort, int slots) {
        return VoiceService.builder(serviceId, "teamspeak3").host("127.0.0.1").slots(slots)
                .field("query_port", queryPort).field("query_username", "serveradmin")
                .secret("query_password", "secret").field("virtual_server_id", 1).build();
    }

    static BackupRequest request(VoiceService service) {
        return new BackupRequest(service, "alice", "request-1");
    }

    long create(BackupRequest request) {
        return routes.create().create(request);
    }

    List<SnapshotInfo> list(BackupRequest request) {
        return routes.list().list(request);
    }

    VoiceServerStatus status(BackupRequest request) {
        return routes.status().status(request);
    }

    Optional<SnapshotDownload> download(BackupRequest request, long snapshotId) {
        return routes.download().download(request, snapshotId);
    }

    byte[] downloadBytes(BackupRequest request, long snapshotId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            download(request, snapshotId).orElseThrow().writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** What the host hands the provider after it verified and removed the seal of a downloaded file. */
    byte[] unseal(byte[] sealedFile) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try {
            sealer.unseal(new ByteArrayInputStream(sealedFile), payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return payload.toByteArray();
    }

    long upload(BackupRequest request, UploadedSnapshot snapshot) {
        return routes.upload().upload(request, snapshot);
    }

    void delete(BackupRequest request, long snapshotId) {
        routes.delete().delete(request, snapshotId);
    }

    RestoreReport restore(BackupRequest request, long snapshotId) {
        return routes.restore().restore(request, snapshotId);
    }

}
