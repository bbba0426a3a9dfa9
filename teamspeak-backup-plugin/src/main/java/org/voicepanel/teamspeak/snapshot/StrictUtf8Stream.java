package org.voicepanel.teamspeak.snapshot;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Hands the bytes on unchanged while the JDK's UTF-8 decoder checks them (malformed input reported, not replaced:
 * no overlong form, surrogate or byte past U+10FFFF gets through), and refuses the C1 control characters U+0080 to
 * U+009F, which are no ASCII byte a caller could spot. A sequence cut by the end of one read is completed by the
 * next. Not thread-safe.
 */
final class StrictUtf8Stream extends FilterInputStream {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private CharBuffer chars = CharBuffer.allocate(0);
    private boolean ended;

    StrictUtf8Stream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int n = in.read(target, offset, length);
        if (n < 0) {
            finish();
        } else if (n > 0) {
            check(target, offset, n);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] skipped = new byte[(int) Math.min(n, 8192)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    private void check(byte[] bytes, int offset, int length) {
        if (pending.capacity() < pending.position() + length) {
            pending = ByteBuffer.allocate(pending.position() + length + 3).put(pending.flip());
            chars = CharBuffer.allocate(pending.capacity());
        }
        pending.put(bytes, offset, length).flip();
        decode(false);
        pending.compact();
    }

    private void finish() {
        if (!ended) {
            ended = true;
            pending.flip();
            decode(true);
            chars.clear();
            if (decoder.flush(chars).isError()) {
                throw notUtf8();
            }
        }
    }

    private void decode(boolean endOfInput) {
        chars.clear();
        CoderResult result = decoder.decode(pending, chars, endOfInput);
        if (result.isError()) {
            throw notUtf8();
        }
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c >= 0x80 && c <= 0x9F) {
                throw new SnapshotRejectedException("it contains a control character");
            }
        }
    }

    private static SnapshotRejectedException notUtf8() {
        return new SnapshotRejectedException("it is not valid UTF-8 text");
    }
}
