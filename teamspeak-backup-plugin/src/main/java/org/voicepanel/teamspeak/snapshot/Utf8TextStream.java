package org.voicepanel.teamspeak.snapshot;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A string's UTF-8 bytes, encoded block by block, so that a snapshot of many megabytes is checked and
 * stored without a second full copy in memory. A lone surrogate, which has no UTF-8 form and so could not
 * be sent as it is, is refused. Not thread-safe.
 *
 * <p>The characters are copied block by block into an array first: the JDK's encoder takes its fast (ASCII)
 * path only between arrays, and over a wrapped string it encoded a few times slower, once for the check and
 * once more for the store of every snapshot.
 */
public final class Utf8TextStream extends InputStream {

    private static final int BLOCK_CHARS = 16 * 1024;

    private final String text;
    private final CharBuffer chars = CharBuffer.allocate(BLOCK_CHARS).flip();
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // room for a whole block: at most three bytes a char
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * BLOCK_CHARS).flip();
    private int nextChar;
    private boolean encodedAll;

    public Utf8TextStream(String text) {
        this.text = text;
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
        while (!bytes.hasRemaining()) {
            if (encodedAll) {
                return -1;
            }
            encodeMore();
        }
        int n = Math.min(length, bytes.remaining());
        bytes.get(target, offset, n);
        return n;
    }

    /** Encodes the next block; a high surrogate the block's end cut off stays for the next one. */
    private void encodeMore() {
        chars.compact();
        int n = Math.min(chars.remaining(), text.length() - nextChar);
        text.getChars(nextChar, nextChar + n, chars.array(), chars.position());
        nextChar += n;
        chars.position(chars.position() + n).flip();
        boolean last = nextChar == text.length();
        bytes.clear();
        CoderResult result = encoder.encode(chars, bytes, last);
        if (result.isError()) {
            throw new SnapshotRejectedException("it is not valid UTF-8 text");
        }
        if (last && result.isUnderflow()) {
            encoder.flush(bytes);
            encodedAll = true;
        }
        bytes.flip();
    }
}
