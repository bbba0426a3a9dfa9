package org.voicepanel.teamspeak;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.BackupRoutes;
import org.voicepanel.api.ConnectionField;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.SnapshotFileResealer;
import org.voicepanel.api.SnapshotDownload;
import org.voicepanel.api.VoiceBackupProvider;
import org.voicepanel.teamspeak.query.ServerQueryLogin;
import org.voicepanel.teamspeak.query.TeamSpeakServerQuery;
import org.voicepanel.teamspeak.snapshot.SnapshotValidator;
import org.voicepanel.store.SnapshotStore;

/**
 * Backs up TeamSpeak 3 servers (type {@code teamspeak3}) through ServerQuery, keeping snapshots in the
 * panel's database. Built once by the host with its context; keeps no per-service state and is
 * thread-safe. Settings: see {@link TeamSpeakSettings}.
 */
@Extension
public final class TeamSpeakBackupProvider implements VoiceBackupProvider {

    public static final String TYPE = "teamspeak3";

    private final SnapshotStore store;
    private final TeamSpeakServerQuery query;
    private final SnapshotCreation creation;
    private final SnapshotUpload upload;
    private final SnapshotRestore restore;

    public TeamSpeakBackupProvider(ProviderContext context) {
        TeamSpeakSettings settings = TeamSpeakSettings.from(context.settings());
        SnapshotValidator validator = new SnapshotValidator(settings.maxSnapshotBytes());
        this.store = new SnapshotStore(context.dataSource(), context.sealer(), context.clock(), "ts3");
        this.query = new TeamSpeakServerQuery(settings.query());
        this.creation = new SnapshotCreation(query, validator, store);
        this.upload = new SnapshotUpload(validator, store, settings.acceptExternalSnapshots());
        this.restore = new SnapshotRestore(query, validator, store);
    }

    @Override
    public Set<String> voiceServerTypes() {
        return Set.of(TYPE);
    }

    @Override
    public List<ConnectionField> connectionFields(String type) {
        return ServerQueryLogin.FIELDS;
    }

    @Override
    public void registerRoutes(BackupRoutes routes) {
        routes.list(request -> store.infos(serviceId(request)))
                .status(request -> query.status(request.service()))
                .create(creation::create)
                .upload(upload::upload)
                .download(this::download)
                .delete(this::delete)
                .restore(restore::restore);
    }

    /** The stored files, sealed again with the newest key after a rotation. */
    @Override
    public Optional<SnapshotFileResealer> snapshotFileResealer() {
        return Optional.of(store.resealer());
    }

    /** Ends the ServerQuery helper threads. */
    @Override
    public void close() {
        query.close();
    }

    private Optional<SnapshotDownload> download(BackupRequest request, long snapshotId) {
        return store.download(serviceId(request), snapshotId, TYPE);
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
