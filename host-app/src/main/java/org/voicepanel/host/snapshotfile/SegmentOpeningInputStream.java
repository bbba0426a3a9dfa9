package org.voicepanel.host.snapshotfile;

import java.io.IOException;
import java.io.InputStream;
import javax.crypto.AEADBadTagException;

/**
 * Reads sealed segments and yields their plaintext, each segment verified before any of its bytes
 * is handed out. A segment counts as the last when the file ends within one byte after it, so a
 * file cut at a segment boundary, or one with bytes appended, fails authentication.
 * {@link #close()} does nothing: the caller's stream is not ours. One file, one thread.
 */
final class SegmentOpeningInputStream extends InputStream {

    private static final int FULL = SegmentCipher.CIPHERTEXT_SEGMENT_LENGTH;

    private final InputStream sealed;
    private final SegmentCipher cipher;
    // One byte more than a segment: the look-ahead that tells whether this segment is the last.
    private final byte[] ciphertext = new byte[FULL + 1];
    private final byte[] plaintext = new byte[SegmentCipher.PLAINTEXT_SEGMENT_LENGTH];
    private int carried;
    private int position;
    private int limit;
    private long nextIndex;
    private boolean lastOpened;

    SegmentOpeningInputStream(InputStream sealed, SegmentCipher cipher) {
        this.sealed = sealed;
        this.cipher = cipher;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : Byte.toUnsignedInt(one[0]);
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == limit) {
            if (lastOpened) {
                return -1;
            }
            openNextSegment();
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(plaintext, position, bytes, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        // Deliberately empty, see the class comment.
    }

    private void openNextSegment() throws IOException {
        int available = carried + sealed.readNBytes(ciphertext, carried, ciphertext.length - carried);
        boolean last = available <= FULL;
        int length = last ? available : FULL;
        if (length < SegmentCipher.TAG_LENGTH) {
            throw InvalidSnapshotFile.alteredOrCutShort();
        }
        try {
            limit = cipher.open(nextIndex++, last, ciphertext, length, plaintext);
        } catch (AEADBadTagException e) {
            throw InvalidSnapshotFile.alteredOrCutShort();
        }
        position = 0;
        lastOpened = last;
        carried = last ? 0 : 1;
        if (!last) {
            ciphertext[0] = ciphertext[FULL];
        }
    }
}
