package org.voicepanel.mumble;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.RestoreReport;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.UploadedSnapshot;
import org.voicepanel.api.VoiceServerStatus;
import org.voicepanel.api.VoiceService;
import org.voicepanel.api.testing.RecordedRoutes;
import org.voicepanel.api.testing.TestProviderContext;
import org.voicepanel.api.testing.TestSnapshotFileSealer;
import org.voicepanel.mumble.murmur.MurmurProcess;
import org.voicepanel.store.testing.TestDatabase;

/** The Mumble provider as the host sees it: built from real parts, called through the routes it registered. */
final class MumbleHarness implements AutoCloseable {

    static final Map<String, String> SETTINGS = Map.of("connect-timeout-ms", "2000", "command-timeout-ms", "30000");

    final TestSnapshotFileSealer sealer = new TestSnapshotFileSealer();
    final RecordedRoutes routes = new RecordedRoutes();
    final MumbleBackupProvider provider;

    MumbleHarness(Path workDir) {
        provider = new MumbleBackupProvider(context(workDir));
        provider.registerRoutes(routes);
    }

    static TestProviderContext context(Path workDir) {
        return new TestProviderContext("mumble", TestDatabase.dataSource("mumble"), SETTINGS,
                new TestSnapshotFileSealer(), Clock.systemUTC(), workDir);
    }

    /** A mumble service on {@code murmur}'s virtual server 1, with the slots its ini gives it. */
    static VoiceService service(MurmurProcess murmur) {
        return service(murmur.icePort(), murmur.secret());
    }

    static VoiceService service(int icePort, String secret) {
        return VoiceService.builder(TestDatabase.newServiceId(), "mumble").host("127.0.0.1").slots(100)
                .field("ice_port", icePort).secret("ice_secret", secret).field("virtual_server_id", 1).build();
    }

    static BackupRequest request(VoiceService service) {
        return new BackupRequest(service, "alice", "request-1");
    }

    long create(VoiceService service) {
        return routes.create().create(request(service));
    }

    List<SnapshotInfo> list(VoiceService service) {
        return routes.list().list(request(service));
    }

    VoiceServerStatus status(VoiceService service) {
        return routes.status().status(request(service));
    }

    RestoreReport restore(VoiceService service, long snapshotId) {
        return routes.restore().restore(request(service),
                snapshotId);
    }

    long upload(VoiceService service, UploadedSnapshot snapshot) {
        return routes.upload().upload(request(service), snapshot);
    }

    /** The payload of a stored snapshot, as the host hands it to an upload after removing the seal. */
    byte[] payload(VoiceService service, long snapshotId) {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try {
            routes.download().download(request(service),
                    snapshotId).orElseThrow().writeTo(sealed);
            sealer.unseal(new ByteArrayInputStream(sealed.toByteArray()), payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return payload.toByteArray();
    }


    @Override
    public void close() {
        provider.close();
    }
}
