package org.voicepanel.mumble;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.api.UploadedSnapshot;
import org.voicepanel.mumble.snapshot.MumbleSnapshot;
import org.voicepanel.mumble.snapshot.SnapshotCodec;
import org.voicepanel.mumble.snapshot.SnapshotRejectedException;
import org.voicepanel.store.SnapshotStore;

/**
 * Stores an uploaded snapshot after proving it is one valid snapshot of docs/mumble.md. Only files this
 * panel sealed are taken: a plain JSON file could be anything a user wrote. The payload is read twice
 * from the host's spool, to check and to store, and never held whole. Thread-safe.
 */
final class SnapshotUpload {

    private final SnapshotCodec codec;
    private final SnapshotStore store;
    private final long maxBytes;

    SnapshotUpload(SnapshotCodec codec, SnapshotStore store, long maxBytes) {
        this.codec = codec;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    long upload(BackupRequest request, UploadedSnapshot upload) {
        if (upload.external()) {
            throw invalid("The file is not a snapshot file of this panel.");
        }
        if (upload.size() > maxBytes) {
            throw PayloadFile.tooLarge(maxBytes);
        }
        try (InputStream payload = upload.open()) {
            codec.read(payload);
        } catch (SnapshotRejectedException e) {
            throw invalid("The file is not a valid Mumble snapshot: " + e.getMessage() + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream payload = upload.open()) {
            return store.save(new SnapshotStore.NewSnapshot(request.service().serviceId(), SnapshotOrigin.UPLOADED,
                    request.actor(), MumbleSnapshot.STORED_FORMAT), payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BackupException invalid(String message) {
        return new BackupException(BackupException.Reason.SNAPSHOT_FILE_INVALID, message);
    }
}
