package org.voicepanel.mumble;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.mumble.ice.MurmurConnector;
import org.voicepanel.mumble.server.ServerReader;
import org.voicepanel.mumble.snapshot.MumbleSnapshot;
import org.voicepanel.mumble.snapshot.SnapshotCodec;
import org.voicepanel.store.SnapshotStore;

/**
 * Reads the running virtual server over Ice, writes it in the format of docs/mumble.md and stores it.
 * A stopped server is refused (murmurd keeps its channels out of reach then). Nothing is stored on any
 * failure. Thread-safe.
 */
final class SnapshotCreation {

    private final MurmurConnector connector;
    private final SnapshotCodec codec;
    private final SnapshotStore store;
    private final Path workDir;
    private final long maxBytes;
    private final ServerReader reader = new ServerReader();

    SnapshotCreation(MurmurConnector connector, SnapshotCodec codec, SnapshotStore store, Path workDir, long maxBytes) {
        this.connector = connector;
        this.codec = codec;
        this.store = store;
        this.workDir = workDir;
        this.maxBytes = maxBytes;
    }

    long create(BackupRequest request) {
        MumbleSnapshot snapshot = connector.call(request.service(), "taking a snapshot", (server, meta) -> {
            if (!server.isRunning()) {
                throw new BackupException(BackupException.Reason.VOICESERVER_ERROR, "The virtual server is not"
                        + " running; start it to take a snapshot.");
            }
            return reader.read(server);
        });
        try (PayloadFile file = new PayloadFile(workDir, maxBytes)) {
            try (OutputStream out = file.write()) {
                codec.write(snapshot, out);
            }
            try (InputStream payload = file.read()) {
                return store.save(new SnapshotStore.NewSnapshot(request.service().serviceId(), SnapshotOrigin.CREATED,
                        request.actor(), MumbleSnapshot.STORED_FORMAT), payload);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
