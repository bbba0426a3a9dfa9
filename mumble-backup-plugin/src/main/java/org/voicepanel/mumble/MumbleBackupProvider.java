package org.voicepanel.mumble;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.BackupRoutes;
import org.voicepanel.api.ConnectionField;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.SnapshotFileResealer;
import org.voicepanel.api.VoiceBackupProvider;
import org.voicepanel.api.VoiceServerStatus;
import org.voicepanel.mumble.ice.MurmurConnector;
import org.voicepanel.mumble.ice.MurmurLogin;
import org.voicepanel.mumble.snapshot.SnapshotCodec;
import org.voicepanel.store.SnapshotStore;

/**
 * Backs up Mumble servers (type {@code mumble}) over murmurd's Ice interface, keeping snapshots in the
 * panel's database (docs/mumble.md). Built once by the host with its context; keeps no per-service
 * state and is thread-safe; {@link #close()} ends its Ice communicator. Settings: {@link MumbleSettings}.
 */
@Extension
public final class MumbleBackupProvider implements VoiceBackupProvider {

    public static final String TYPE = "mumble";

    private final SnapshotStore store;
    private final MurmurConnector connector;
    private final SnapshotCreation creation;
    private final SnapshotUpload upload;
    private final SnapshotRestore restore;

    public MumbleBackupProvider(ProviderContext context) {
        MumbleSettings settings = MumbleSettings.from(context.settings());
        SnapshotCodec codec = new SnapshotCodec();
        this.store = new SnapshotStore(context.dataSource(), context.sealer(), context.clock(), "mumble");
        this.connector = new MurmurConnector(settings.connectTimeoutMs(), settings.commandTimeoutMs(),
                settings.maxSnapshotBytes());
        this.creation = new SnapshotCreation(connector, codec, store, context.workDir(), settings.maxSnapshotBytes());
        this.upload = new SnapshotUpload(codec, store, settings.maxSnapshotBytes());
        this.restore = new SnapshotRestore(connector, codec, store, context.workDir(), settings.maxSnapshotBytes());
    }

    @Override
    public Set<String> voiceServerTypes() {
        return Set.of(TYPE);
    }

    @Override
    public List<ConnectionField> connectionFields(String type) {
        return MurmurLogin.FIELDS;
    }

    @Override
    public void registerRoutes(BackupRoutes routes) {
        routes.list(request -> store.infos(serviceId(request)))
                .status(this::status)
                .create(creation::create)
                .upload(upload::upload)
                .download((request, snapshotId) -> store.download(serviceId(request), snapshotId, TYPE))
                .delete(this::delete)
                .restore(restore::restore);
    }

    /** The stored files, sealed again with the newest key after a rotation. */
    @Override
    public Optional<SnapshotFileResealer> snapshotFileResealer() {
        return Optional.of(store.resealer());
    }

    /** Ends the Ice communicator and its threads. */
    @Override
    public void close() {
        connector.close();
    }

    private VoiceServerStatus status(BackupRequest request) {
        return connector.call(request.service(), "reading its status", (server, meta) ->
                VoiceServerStatus.of(server.isRunning() ? "online" : "offline", MurmurConnector.slots(server, meta)));
    }

    private void delete(BackupRequest request, long snapshotId) {
        if (!store.delete(serviceId(request), snapshotId)) {
            throw SnapshotNotFound.of(snapshotId);
        }
    }

    private static long serviceId(BackupRequest request) {
        return request.service().serviceId();
    }
}
