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
 * a connection is held while a slow client downloads. Before the file's last bytes it checks the file against the
 * SHA-256 recorded when it was written. Each chunk is read only while the snapshot row still records that SHA-256, so a
 * file re-sealed (or deleted) while it is read fails as damaged instead of mixing chunks of two files. Not
 * thread-safe.
 */
final class ChunkReader extends InputStream {

    static final int SLICE = 64 * 1024;

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
        handOut(n);
        System.arraycopy(chunk, position, target, offset, n);
        position += n;
        return n;
    }

    /**
     * Hands on each chunk in slices of {@link #SLICE}, straight from the chunk's array: through an 8 KiB buffer a
     * download took a hundred writes per MiB, and a whole chunk in one write made the JDK copy what was left of it
     * into a direct buffer again at every partial write to the socket.
     */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long transferred = 0;
        do {
            while (position < chunk.length) {
                int n = Math.min(SLICE, chunk.length - position);
                handOut(n);
                out.write(chunk, position, n);
                position += n;
                transferred += n;
            }
        } while (advance());
        return transferred;
    }

    /**
     * Hashes the next {@code n} bytes as they leave, so that hashing and the client's reading overlap. The file's
     * last bytes leave only once the whole file matches its SHA-256: a damaged file always arrives cut short.
     */
    private void handOut(int n) throws IOException {
        sha256.update(chunk, position, n);
        if (position + n == chunk.length && nextSeq == snapshot.chunkCount()) {
            verifyOnce();
        }
    }

    /** Moves on to the next chunk; after the last one, checks the file's hash and returns false. */
    private boolean advance() throws IOException {
        if (nextSeq == snapshot.chunkCount()) {
            verifyOnce();
            return false;
        }
        chunk = loadChunk(nextSeq++);
        position = 0;
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
