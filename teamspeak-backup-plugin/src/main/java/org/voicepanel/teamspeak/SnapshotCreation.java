package org.voicepanel.teamspeak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.teamspeak.query.TeamSpeakServerQuery;
import org.voicepanel.teamspeak.snapshot.SnapshotRejectedException;
import org.voicepanel.teamspeak.snapshot.SnapshotValidator;
import org.voicepanel.teamspeak.snapshot.ValidSnapshot;
import org.voicepanel.store.SnapshotStore;

/**
 * Takes a snapshot from the voice server and stores it as received. It is checked like an upload first:
 * only what the panel could deploy again is worth keeping. Nothing is stored on any failure. Thread-safe.
 */
final class SnapshotCreation {

    private final TeamSpeakServerQuery query;
    private final SnapshotValidator validator;
    private final SnapshotStore store;

    SnapshotCreation(TeamSpeakServerQuery query, SnapshotValidator validator, SnapshotStore store) {
        this.query = query;
        this.validator = validator;
        this.store = store;
    }

    long create(BackupRequest request) {
        String reply = query.createSnapshot(request.service());
        ValidSnapshot snapshot;
        try {
            snapshot = validator.check(reply);
        } catch (SnapshotRejectedException e) {
            throw new BackupException(BackupException.Reason.VOICESERVER_ERROR,
                    "The voice server sent a snapshot the panel cannot use: " + e.getMessage() + ".");
        }
        SnapshotStore.NewSnapshot row = new SnapshotStore.NewSnapshot(request.service().serviceId(),
                SnapshotOrigin.CREATED, request.actor(), snapshot.dialect().storedName());
        try (InputStream payload = snapshot.openUtf8()) {
            return store.save(row, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
