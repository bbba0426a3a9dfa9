package org.voicepanel.api;

import java.io.IOException;
import java.util.List;

/**
 * What a provider that stores sealed snapshot files offers so that the host can seal them again with the newest
 * key after a key rotation, after which the older key can be removed. The host calls it from one background
 * thread, one snapshot at a time and under the service's lock (no create, upload, delete or restore of that
 * service runs meanwhile), on one panel instance at a time. The {@code snapshot-store} module implements it.
 *
 * @since 2.1
 */
public interface SnapshotFileResealer {

    /** What {@link #reseal} did with one snapshot. */
    enum Outcome {
        /** Sealed again with the current key; its size and SHA-256 are the new file's. */
        RESEALED,
        /** It was already sealed with the current key; nothing changed. */
        CURRENT,
        /** The service has no such snapshot (any more). */
        GONE
    }

    /** The ids of the service's stored snapshots, in any order. */
    List<Long> snapshotIds(long serviceId);

    /**
     * Seals one stored snapshot file again with the sealer's current key
     * ({@link SnapshotFileSealer#reseal}), streamed, in one transaction: should it fail or the panel stop
     * half-way, the snapshot stays exactly as it was, still readable with its old key. The payload does not
     * change, so it restores as before; the file's bytes, size and SHA-256 do.
     *
     * @throws IOException or {@link BackupException} when the file cannot be read, opened or stored again; the
     *                     snapshot is unchanged then
     */
    Outcome reseal(long serviceId, long snapshotId) throws IOException;
}
