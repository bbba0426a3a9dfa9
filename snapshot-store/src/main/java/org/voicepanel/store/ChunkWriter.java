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

    private final Handle handle;
    private final String table;
    private final long snapshotId;
    private final byte[] chunk;
    private final MessageDigest sha256;
    private final int firstSeq;
    private int filled;
    private int chunks;
    private long size;
    private boolean closed;

    ChunkWriter(Handle handle, String table, long snapshotId, int chunkSize) {
        this(handle, table, snapshotId, chunkSize, 0);
    }

    /** Numbers the chunks from {@code firstSeq}: a re-seal writes its file behind the chunks it reads. */
    ChunkWriter(Handle handle, String table, long snapshotId, int chunkSize, int firstSeq) {
        this.firstSeq = firstSeq;
        this.handle = handle;
        this.table = table;
        this.snapshotId = snapshotId;
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

    /** Writes the last, partly filled chunk. */
    @Override
    public void close() {
        if (!closed && filled > 0) {
            insert(Arrays.copyOf(chunk, filled));
        }
        closed = true;
    }

    int chunkCount() {
        return chunks;
    }

    long size() {
        return size;
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    private void insert(byte[] data) {
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
