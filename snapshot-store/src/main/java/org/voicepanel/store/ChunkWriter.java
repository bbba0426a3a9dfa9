package org.voicepanel.store;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jdbi.v3.core.Handle;

/**
 * Writes a sealed file into {@code <prefix>_snapshot_chunk} rows of at most {@link SnapshotStore#CHUNK_SIZE}
 * bytes, counting its size and SHA-256 on the way. It uses the caller's handle, so the chunks belong to
 * the caller's transaction. Not thread-safe.
 */
final class ChunkWriter extends OutputStream {

    /** Inserts the snapshot's row the chunks belong to, once, just before the first chunk is written. */
    interface Row {
        /**
         * @param whole the file, when it is already complete: its first chunk is its only one, so the row can be
         *              written with the file's size and hash; null when more chunks follow
         * @return the row's id
         */
        long insert(ChunkWriter whole);
    }

    private final Handle handle;
    private final String table;
    private final Row row;
    private final byte[] chunk;
    private final MessageDigest sha256;
    private final int firstSeq;
    private Long snapshotId;
    private boolean rowWhole;
    private String sha256Hex;
    private int filled;
    private int chunks;
    private long size;
    private boolean closed;

    /**
     * Writes a new file whose row does not exist yet: a file of one chunk, as most are, then costs its row and
     * its chunk, without the update of the row that a longer file needs.
     */
    ChunkWriter(Handle handle, String table, Row row, int chunkSize) {
        this(handle, table, row, chunkSize, 0);
    }

    /** Numbers the chunks from {@code firstSeq}: a re-seal writes its file behind the chunks it reads. */
    ChunkWriter(Handle handle, String table, long snapshotId, int chunkSize, int firstSeq) {
        this(handle, table, whole -> snapshotId, chunkSize, firstSeq);
    }

    private ChunkWriter(Handle handle, String table, Row row, int chunkSize, int firstSeq) {
        this.firstSeq = firstSeq;
        this.handle = handle;
        this.table = table;
        this.row = row;
        this.chunk = new byte[chunkSize];
        this.sha256 = newSha256();
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (closed) {
            throw new IllegalStateException("the chunk writer is closed");
        }
        sha256.update(bytes, offset, length);
        size += length;
        while (length > 0) {
            int n = Math.min(length, chunk.length - filled);
            System.arraycopy(bytes, offset, chunk, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == chunk.length) {
                insert(chunk);
            }
        }
    }

    /** Writes the last, partly filled chunk, and the row if no chunk came before. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (snapshotId == null) {
            snapshotId = row.insert(this);
            rowWhole = true;
        }
        if (filled > 0) {
            insert(Arrays.copyOf(chunk, filled));
        }
    }

    /** The id of the row the chunks belong to, once one was written. */
    long snapshotId() {
        return snapshotId;
    }

    /** Whether the row was written with the whole file's size and hash, so it needs no update. */
    boolean rowWhole() {
        return rowWhole;
    }

    int chunkCount() {
        return chunks;
    }

    long size() {
        return size;
    }

    /** The file's hash, once it is closed. */
    String sha256Hex() {
        if (!closed) {
            throw new IllegalStateException("the file is not complete before the chunk writer is closed");
        }
        if (sha256Hex == null) {
            sha256Hex = HexFormat.of().formatHex(sha256.digest());
        }
        return sha256Hex;
    }

    private void insert(byte[] data) {
        if (snapshotId == null) {
            snapshotId = row.insert(null);
        }
        handle.createUpdate("INSERT INTO " + table + " (snapshot_id, seq, data) VALUES (:snapshot, :seq, :data)")
                .bind("snapshot", snapshotId)
                .bind("seq", firstSeq + chunks)
                .bind("data", data)
                .execute();
        chunks++;
        filled = 0;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
