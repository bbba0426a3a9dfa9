package org.example.echovoice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.BackupRoutes;
import org.voicepanel.api.ConnectionField;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.RestoreReport;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.api.UploadedSnapshot;
import org.voicepanel.api.VoiceBackupProvider;
import org.voicepanel.api.VoiceServerStatus;
import org.voicepanel.store.SnapshotStore;
import org.voicepanel.store.StoredSnapshot;

/**
 * Backs up Echo Voice servers (type {@code echovoice}): a snapshot is the server's channel list, in the
 * format of {@link EchoSnapshot}, kept sealed in the panel's database by the snapshot store. Keeps no
 * per-service state and opens one connection per call, so it is thread-safe and has nothing to close.
 * Setting: {@code panel.plugins.echovoice.timeout-ms} (5000), for each connect and each answer.
 */
@Extension
public final class EchoVoiceProvider implements VoiceBackupProvider {

    static final String TYPE = "echovoice";

    private final SnapshotStore store;
    private final int timeoutMillis;

    public EchoVoiceProvider(ProviderContext context) {
        this.store = new SnapshotStore(context.dataSource(), context.sealer(), context.clock(), TYPE);
        this.timeoutMillis = (int) context.settings().getLong("timeout-ms", 5000);
    }

    @Override
    public Set<String> voiceServerTypes() {
        return Set.of(TYPE);
    }

    @Override
    public List<ConnectionField> connectionFields(String type) {
        return List.of(ConnectionField.port(EchoVoiceClient.PORT), ConnectionField.secret(EchoVoiceClient.PASSWORD));
    }

    @Override
    public void registerRoutes(BackupRoutes routes) {
        routes.list(request -> store.infos(request.service().serviceId()))
                .status(this::status)
                .create(this::create)
                .upload(this::upload)
                .download((request, id) -> store.download(request.service().serviceId(), id, TYPE))
                .delete(this::delete)
                .restore(this::restore);
    }

    private VoiceServerStatus status(BackupRequest request) {
        try (EchoVoiceClient client = EchoVoiceClient.open(request.service(), timeoutMillis)) {
            String[] info = client.info();
            return VoiceServerStatus.of(info[0], Integer.parseInt(info[1]));
        } catch (NumberFormatException e) {
            throw new BackupException(Reason.VOICESERVER_ERROR, "The Echo Voice server gave no number of users.");
        }
    }

    private long create(BackupRequest request) {
        List<String> channels;
        try (EchoVoiceClient client = EchoVoiceClient.open(request.service(), timeoutMillis)) {
            channels = client.channels();
        }
        byte[] payload;
        try {
            payload = EchoSnapshot.write(channels);
        } catch (IllegalArgumentException e) {
            throw new BackupException(Reason.VOICESERVER_ERROR, "The server's " + e.getMessage() + ".");
        }
        return save(request, SnapshotOrigin.CREATED, new ByteArrayInputStream(payload));
    }

    /** Only files this panel sealed: a plain text file could be anything a user wrote. */
    private long upload(BackupRequest request, UploadedSnapshot upload) {
        if (upload.external()) {
            throw invalid("The file is not a snapshot file of this panel.");
        }
        try (InputStream payload = upload.open()) {
            EchoSnapshot.read(payload);
        } catch (EchoSnapshot.InvalidSnapshot e) {
            throw invalid("The file is not an Echo Voice snapshot: " + e.getMessage() + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream payload = upload.open()) {
            return save(request, SnapshotOrigin.UPLOADED, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(BackupRequest request, long snapshotId) {
        if (!store.delete(request.service().serviceId(), snapshotId)) {
            throw notFound(snapshotId);
        }
    }

    /** Replaces the channel list; should that fail half-way, the list read just before is written back. */
    private RestoreReport restore(BackupRequest request, long snapshotId) {
        StoredSnapshot stored = store.find(request.service().serviceId(), snapshotId)
                .orElseThrow(() -> notFound(snapshotId));
        List<String> channels;
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            store.unseal(stored, payload);
            channels = EchoSnapshot.read(new ByteArrayInputStream(payload.toByteArray()));
        } catch (IOException e) {
            throw invalid("The stored snapshot cannot be read: " + e.getMessage() + ".");
        }
        try (EchoVoiceClient client = EchoVoiceClient.open(request.service(), timeoutMillis)) {
            List<String> before = client.channels();
            try {
                client.replaceChannels(channels);
            } catch (BackupException failure) {
                putBack(request, before, failure);
                throw failure;
            }
        }
        return RestoreReport.complete();
    }

    private void putBack(BackupRequest request, List<String> before, BackupException failure) {
        try (EchoVoiceClient client = EchoVoiceClient.open(request.service(), timeoutMillis)) {
            client.replaceChannels(before);
        } catch (BackupException again) {
            failure.addSuppressed(again);
        }
    }

    private long save(BackupRequest request, SnapshotOrigin origin, InputStream payload) {
        try {
            return store.save(new SnapshotStore.NewSnapshot(request.service().serviceId(), origin, request.actor(),
                    EchoSnapshot.FORMAT), payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BackupException invalid(String message) {
        return new BackupException(Reason.SNAPSHOT_FILE_INVALID, message);
    }

    private static BackupException notFound(long snapshotId) {
        return new BackupException(Reason.SNAPSHOT_NOT_FOUND, "The service has no snapshot " + snapshotId + ".");
    }
}
