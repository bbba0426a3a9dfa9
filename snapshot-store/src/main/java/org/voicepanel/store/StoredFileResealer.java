package org.voicepanel.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.voicepanel.api.SnapshotFileResealer;
import org.voicepanel.api.SnapshotFileSealer;

/** A {@link SnapshotStore}'s files sealed again with the current key after a rotation. Thread-safe. */
final class StoredFileResealer implements SnapshotFileResealer {

    /** What {@link SnapshotFileSealer#sealedWithCurrentKey} reads at most. */
    private static final int HEAD_LENGTH = 512;

    private final SnapshotStore store;
    private final Jdbi jdbi;
    private final SnapshotFileSealer sealer;
    private final String snapshotTable;
    private final String chunkTable;
    private final int chunkSize;

    StoredFileResealer(SnapshotStore store, Jdbi jdbi, SnapshotFileSealer sealer, String snapshotTable,
                       String chunkTable, int chunkSize) {
        this.store = store;
        this.jdbi = jdbi;
        this.sealer = sealer;
        this.snapshotTable = snapshotTable;
        this.chunkTable = chunkTable;
        this.chunkSize = chunkSize;
    }

    @Override
    public List<Long> snapshotIds(long serviceId) {
        return store.ids(serviceId);
    }

    /**
     * Seals a stored file again with the sealer's current key, in one transaction with the snapshot row locked:
     * the new file is streamed into chunks numbered after the old ones while the old ones are read, then the old
     * chunks go and the new ones take their numbers. A failure or a crash at any point leaves the old file whole.
     * The size and SHA-256 in the row become the new file's, since they describe the file a download gets.
     */
    @Override
    public Outcome reseal(long serviceId, long snapshotId) throws IOException {
        Optional<StoredSnapshot> before = store.find(serviceId, snapshotId);
        if (before.isEmpty()) {
            return Outcome.GONE;
        }
        // most files are current on a second run: their header says so without a transaction
        if (sealedWithCurrentKey(before.get())) {
            return Outcome.CURRENT;
        }
        try {
            return jdbi.inTransaction(handle -> {
                Optional<StoredSnapshot> locked = handle.createQuery("SELECT " + SnapshotStore.COLUMNS + " FROM " + snapshotTable
                                + " WHERE id = :id AND service_id = :service FOR UPDATE")
                        .bind("id", snapshotId)
                        .bind("service", serviceId)
                        .map((rs, ctx) -> SnapshotStore.row(rs, snapshotTable))
                        .findOne();
                if (locked.isEmpty()) {
                    return Outcome.GONE;
                }
                StoredSnapshot old = locked.get();
                if (!old.sha256().equals(before.get().sha256()) && sealedWithCurrentKey(old)) {
                    return Outcome.CURRENT;
                }
                int offset = old.chunkCount();
                ChunkWriter chunks = new ChunkWriter(handle, chunkTable, snapshotId, chunkSize, offset);
                // the old chunks are read over other connections: committed, and untouched until this one commits
                try (InputStream sealed = store.openSealed(old)) {
                    sealer.reseal(sealed, chunks);
                }
                chunks.close();
                handle.createUpdate("DELETE FROM " + chunkTable + " WHERE snapshot_id = :id AND seq < :offset")
                        .bind("id", snapshotId)
                        .bind("offset", offset)
                        .execute();
                // in ascending order, so that no renumbered chunk meets one not yet moved
                handle.createUpdate("UPDATE " + chunkTable + " SET seq = seq - :offset WHERE snapshot_id = :id"
                                + " ORDER BY seq")
                        .bind("id", snapshotId)
                        .bind("offset", offset)
                        .execute();
                handle.createUpdate("UPDATE " + snapshotTable + " SET size = :size, sha256 = :sha256,"
                                + " chunk_count = :chunks WHERE id = :id")
                        .bind("size", chunks.size())
                        .bind("sha256", chunks.sha256Hex())
                        .bind("chunks", chunks.chunkCount())
                        .bind("id", snapshotId)
                        .execute();
                return Outcome.RESEALED;
            });
        } catch (JdbiException e) {
            throw StorageFailures.unavailable(e);
        }
    }

    /** Reads the start of the file's first chunk only: the header that names the key. */
    private boolean sealedWithCurrentKey(StoredSnapshot snapshot) throws IOException {
        Optional<byte[]> head;
        try {
            head = jdbi.withHandle(handle -> handle
                    .createQuery("SELECT SUBSTRING(data, 1, " + HEAD_LENGTH + ") FROM " + chunkTable
                            + " WHERE snapshot_id = :id AND seq = 0")
                    .bind("id", snapshot.id())
                    .mapTo(byte[].class)
                    .findOne());
        } catch (JdbiException e) {
            throw StorageFailures.unavailable(e);
        }
        return head.isPresent() && sealer.sealedWithCurrentKey(new ByteArrayInputStream(head.get()));
    }
}
