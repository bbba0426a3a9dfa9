package org.voicepanel.host.snapshotfile;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Inflates the opened (decrypted) file, turning a broken deflate stream into {@code SNAPSHOT_FILE_INVALID}
 * and ending its {@link Inflater} on close. One file, one thread.
 */
final class InflatedPayloadInputStream extends InflaterInputStream {

    private final InputStream segments;

    InflatedPayloadInputStream(InputStream segments) {
        super(segments, new Inflater(), 8192);
        this.segments = segments;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        try {
            return super.read(bytes, offset, length);
        } catch (ZipException | EOFException e) {
            throw InvalidSnapshotFile.alteredOrCutShort();
        }
    }

    /** After the payload ended: the file must end with it, its last segment verified. */
    void requireEnd() throws IOException {
        if (!inf.finished()) {
            throw InvalidSnapshotFile.alteredOrCutShort();
        }
        if (inf.getRemaining() > 0 || segments.read() != -1) {
            throw InvalidSnapshotFile.trailingData();
        }
    }

    @Override
    public void close() throws IOException {
        inf.end();
        super.close();
    }
}
