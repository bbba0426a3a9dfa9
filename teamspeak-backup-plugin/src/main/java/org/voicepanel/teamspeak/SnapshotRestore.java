package org.voicepanel.teamspeak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.RestoreReport;
import org.voicepanel.teamspeak.query.TeamSpeakServerQuery;
import org.voicepanel.teamspeak.snapshot.SnapshotRejectedException;
import org.voicepanel.teamspeak.snapshot.SnapshotValidator;
import org.voicepanel.teamspeak.snapshot.ValidSnapshot;
import org.voicepanel.store.DamagedSnapshotException;
import org.voicepanel.store.SnapshotStore;
import org.voicepanel.store.StoredSnapshot;

/**
 * Deploys a stored snapshot. The file is unsealed (which verifies it) and checked again with the same
 * validator as an upload, because only a proved single line may follow {@code serversnapshotdeploy}.
 * A restore only reads the store, so whatever fails, the snapshot and its row stay as they were.
 * The host holds the service lock. Thread-safe.
 */
final class SnapshotRestore {

    private final TeamSpeakServerQuery query;
    private final SnapshotValidator validator;
    private final SnapshotStore store;

    SnapshotRestore(TeamSpeakServerQuery query, SnapshotValidator validator, SnapshotStore store) {
        this.query = query;
        this.validator = validator;
        this.store = store;
    }

    /** A TeamSpeak deploy brings everything back, or fails as a whole on the server's side. */
    RestoreReport restore(BackupRequest request, long snapshotId) {
        StoredSnapshot stored = store.find(request.service().serviceId(), snapshotId)
                .orElseThrow(() -> SnapshotNotFound.of(snapshotId));
        query.restore(request.service(), readValid(stored));
        return RestoreReport.complete();
    }

    private ValidSnapshot readValid(StoredSnapshot stored) {
        // The sealed file is the payload deflated. Snapshots are mostly Base64, which deflate brings to
        // about three quarters, so a third more than the file is a first guess that rarely has to grow.
        byte[] options = ValidSnapshot.DEPLOY_OPTIONS.getBytes(StandardCharsets.US_ASCII);
        PayloadBuffer payload = new PayloadBuffer(validator.maxPayloadBytes() + options.length,
                stored.size() + stored.size() / 3 + options.length);
        try {
            payload.write(options);
            store.unseal(stored, payload);
            return validator.checkAfterDeployOptions(payload.array(), payload.size());
        } catch (DamagedSnapshotException e) {
            throw damaged(stored, "its stored file is damaged");
        } catch (SnapshotRejectedException e) {
            throw damaged(stored, e.getMessage());
        } catch (BackupException e) {
            if (e.reason() == BackupException.Reason.SNAPSHOT_FILE_INVALID) {
                throw damaged(stored, "its file no longer opens with this panel's key, or it was altered");
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BackupException damaged(StoredSnapshot stored, String reason) {
        return new BackupException(BackupException.Reason.SNAPSHOT_FILE_INVALID,
                "Snapshot " + stored.id() + " cannot be restored: " + reason + ".");
    }
}
