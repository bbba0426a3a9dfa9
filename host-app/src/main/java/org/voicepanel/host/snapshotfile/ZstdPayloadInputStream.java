package org.voicepanel.host.snapshotfile;

import com.github.luben.zstd.ZstdIOException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decompresses the opened (decrypted) file of format version 3, turning a broken zstd stream into
 * {@code SNAPSHOT_FILE_INVALID}. zstd reads frame after frame until its input ends, so bytes after the payload's
 * frame that are no frame fail too. The stream without a finalizer frees its native state on close, and keeps
 * nothing reachable after it. One file, one thread.
 */
final class ZstdPayloadInputStream extends InputStream {

    private final ZstdInputStreamNoFinalizer zstd;

    ZstdPayloadInputStream(InputStream segments) throws IOException {
        this.zstd = new ZstdInputStreamNoFinalizer(segments);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        try {
            return zstd.read(bytes, offset, length);
        } catch (ZstdIOException e) {
            // a frame that does not decode, one cut short, or bytes after it; any other failure is the source's
            throw InvalidSnapshotFile.alteredOrCutShort();
        }
    }

    @Override
    public void close() throws IOException {
        zstd.close();
    }
}
