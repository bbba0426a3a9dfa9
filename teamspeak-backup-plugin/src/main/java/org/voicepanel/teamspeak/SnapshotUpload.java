package org.voicepanel.teamspeak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.api.UploadedSnapshot;
import org.voicepanel.teamspeak.snapshot.SnapshotDialect;
import org.voicepanel.teamspeak.snapshot.SnapshotRejectedException;
import org.voicepanel.teamspeak.snapshot.SnapshotValidator;
import org.voicepanel.store.SnapshotStore;

/**
 * Stores an uploaded snapshot after proving it is one TeamSpeak snapshot of a known format. The payload
 * is read twice from the host's spool, once to check and once to seal and store, so it is never held in
 * memory; a restore checks it once more before anything reaches the voice server. Thread-safe.
 */
final class SnapshotUpload {

    private final SnapshotValidator validator;
    private final SnapshotStore store;
    private final boolean acceptExternal;

    SnapshotUpload(SnapshotValidator validator, SnapshotStore store, boolean acceptExternal) {
        this.validator = validator;
        this.store = store;
        this.acceptExternal = acceptExternal;
    }

    long upload(BackupRequest request, UploadedSnapshot upload) {
        if (upload.external() && !acceptExternal) {
            throw invalid("The file is not a snapshot file of this panel, and this panel does not accept"
                    + " TeamSpeak snapshots made elsewhere. Expected the file a snapshot download returns: the file"
                    + " itself, its base64 text, or the download's JSON answer.");
        }
        if (upload.size() > validator.maxPayloadBytes()) {
            throw new BackupException(BackupException.Reason.PAYLOAD_TOO_LARGE, "The snapshot is larger than the "
                    + SnapshotValidator.describeSize(validator.maxPayloadBytes()) + " this panel accepts.");
        }
        SnapshotDialect dialect;
        try (InputStream payload = upload.open()) {
            dialect = validator.validate(payload);
        } catch (SnapshotRejectedException e) {
            throw invalid("The file is not a valid TeamSpeak snapshot: " + e.getMessage() + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SnapshotStore.NewSnapshot row = new SnapshotStore.NewSnapshot(request.service().serviceId(),
                SnapshotOrigin.UPLOADED, request.actor(), dialect.storedName());
        try (InputStream payload = upload.open()) {
            return store.save(row, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BackupException invalid(String message) {
        return new BackupException(BackupException.Reason.SNAPSHOT_FILE_INVALID, message);
    }
}
