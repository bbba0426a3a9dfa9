package org.voicepanel.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Reads a stored sealed file chunk by chunk, one short query per chunk, so that neither a whole file nor
 * a connection is held while a slow client downloads. At the end it checks the file against the SHA-256
 * recorded when it was written. Each chunk is read only while the snapshot row still records that SHA-256, so a
 * file re-sealed (or deleted) while it is read fails as damaged instead of mixing chunks of two files. Not
 * thread-safe.
 */
final class ChunkReader extends InputStream {

    private final Jdbi jdbi;
    private final String snapshotTable;
    private final String chunkTable;
    private final StoredSnapshot snapshot;
    private final MessageDigest sha256 = ChunkWriter.newSha256();
    private byte[] chunk = new byte[0];
    private int position;
    private int nextSeq;
    private boolean verified;

    ChunkReader(Jdbi jdbi, String snapshotTable, String chunkTable, StoredSnapshot snapshot) {
        this.jdbi = jdbi;
        this.snapshotTable = snapshotTable;
        this.chunkTable = chunkTable;
        this.snapshot = snapshot;
    }

    /**
     * @param firstChunk chunk 0 as read together with the snapshot's row, or null when the row has no chunk
     *                   (a damaged file, found so at its end)
     */
    ChunkReader(Jdbi jdbi, String snapshotTable, String chunkTable, StoredSnapshot snapshot, byte[] firstChunk) {
        this(jdbi, snapshotTable, chunkTable, snapshot);
        if (firstChunk != null && snapshot.chunkCount() > 0) {
            chunk = firstChunk;
            nextSeq = 1;
            sha256.update(chunk);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (!advance()) {
                return -1;
            }
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, n);
        position += n;
        return n;
    }

    /** Hands on whole chunks: copied through an 8 KiB buffer, a download took a hundred writes per MiB. */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long transferred = 0;
        do {
            out.write(chunk, position, chunk.length - position);
            transferred += chunk.length - position;
            position = chunk.length;
        } while (advance());
        return transferred;
    }

    /** Moves on to the next chunk; after the last one, checks the file's hash and returns false. */
    private boolean advance() throws IOException {
        if (nextSeq == snapshot.chunkCount()) {
            verifyOnce();
            return false;
        }
        chunk = loadChunk(nextSeq++);
        position = 0;
        sha256.update(chunk);
        return true;
    }

    private byte[] loadChunk(int seq) throws IOException {
        Optional<byte[]> data;
        try {
            data = jdbi.withHandle(handle -> handle
                    .createQuery("SELECT c.data FROM " + chunkTable + " c JOIN " + snapshotTable + " s"
                            + " ON s.id = c.snapshot_id AND s.sha256 = :sha256"
                            + " WHERE c.snapshot_id = :snapshot AND c.seq = :seq")
                    .bind("snapshot", snapshot.id())
                    .bind("sha256", snapshot.sha256())
                    .bind("seq", seq)
                    .mapTo(byte[].class)
                    .findOne());
        } catch (JdbiException e) {
            throw StorageFailures.unavailable(e);
        }
        return data.orElseThrow(() -> new DamagedSnapshotException("Chunk " + seq + " of snapshot " + snapshot.id()
                + " is missing; the snapshot was probably deleted or re-sealed while it was read."));
    }

    private void verifyOnce() throws IOException {
        if (verified) {
            return;
        }
        verified = true;
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(snapshot.sha256())) {
            throw new DamagedSnapshotException("Snapshot " + snapshot.id() + " does not match its recorded SHA-256.");
        }
    }
}
