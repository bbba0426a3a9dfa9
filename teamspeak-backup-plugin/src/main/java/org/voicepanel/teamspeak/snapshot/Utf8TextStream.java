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
 */
public final class Utf8TextStream extends InputStream {

    private final CharBuffer chars;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean encodedAll;

    public Utf8TextStream(CharSequence text) {
        this.chars = CharBuffer.wrap(text);
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

    private void encodeMore() {
        bytes.clear();
        CoderResult result = encoder.encode(chars, bytes, true);
        if (result.isError()) {
            throw new SnapshotRejectedException("it is not valid UTF-8 text");
        }
        if (result.isUnderflow()) {
            encoder.flush(bytes);
            encodedAll = true;
        }
        bytes.flip();
    }
}
