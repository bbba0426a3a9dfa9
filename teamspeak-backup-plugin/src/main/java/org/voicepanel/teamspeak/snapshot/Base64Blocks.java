package org.voicepanel.teamspeak.snapshot;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Decodes the Base64 letters of {@link EncodedDataStream} block by block with the JDK's array decoder. The JDK's
 * decoding stream ({@code Base64.Decoder.wrap}) asks its source for one letter at a time, which made every letter
 * of a snapshot a call through the whole reader stack. The letters arrive checked (alphabet, padding only at the
 * end); what is left for the decoder to refuse is a last unit it cannot decode. Not thread-safe.
 */
final class Base64Blocks extends InputStream {

    /** A multiple of four, so that only the last block can end inside a unit. */
    private static final int LETTERS = 64 * 1024;

    private final EncodedDataStream letters;
    private final byte[] encoded = new byte[LETTERS];
    private final byte[] decoded = new byte[LETTERS / 4 * 3];
    private int position;
    private int limit;
    private boolean ended;

    Base64Blocks(EncodedDataStream letters) {
        this.letters = letters;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position == limit) {
            if (ended) {
                return -1;
            }
            decodeBlock();
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(decoded, position, target, offset, n);
        position += n;
        return n;
    }

    private void decodeBlock() {
        int n = 0;
        while (n < LETTERS) {
            int read = letters.read(encoded, n, LETTERS - n);
            if (read < 0) {
                ended = true;
                break;
            }
            n += read;
        }
        position = 0;
        try {
            limit = Base64.getDecoder().decode(n == LETTERS ? encoded : Arrays.copyOf(encoded, n), decoded);
        } catch (IllegalArgumentException e) {
            throw new SnapshotRejectedException("its data is not valid Base64");
        }
    }

    @Override
    public void close() {
        // the letters belong to the caller
    }
}
