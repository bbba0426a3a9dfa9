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
 * next; one cut by the end of the input is refused. Not thread-safe.
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

    /**
     * ASCII bytes are UTF-8 as they are, and a snapshot is mostly Base64, so only the runs of non-ASCII bytes go
     * through the decoder: a multi-byte sequence is made of such bytes alone.
     */
    private void check(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int at = offset;
        if (pending.position() > 0) {
            // the rest of a sequence the previous read cut
            int runEnd = nonAsciiRunEnd(bytes, at, end);
            decodeRun(bytes, at, runEnd, runEnd == end);
            at = runEnd;
        }
        while (at < end) {
            if (bytes[at] >= 0) {
                at++;
            } else {
                int runEnd = nonAsciiRunEnd(bytes, at, end);
                decodeRun(bytes, at, runEnd, runEnd == end);
                at = runEnd;
            }
        }
    }

    private static int nonAsciiRunEnd(byte[] bytes, int from, int end) {
        int at = from;
        while (at < end && bytes[at] < 0) {
            at++;
        }
        return at;
    }

    /** Decodes what waits in {@code pending} and then {@code bytes[from, to)}; a run at the read's end may be cut. */
    private void decodeRun(byte[] bytes, int from, int to, boolean cutByTheRead) {
        int needed = pending.position() + to - from;
        if (pending.capacity() < needed) {
            pending = ByteBuffer.allocate(Math.max(needed, 64)).put(pending.flip());
            chars = CharBuffer.allocate(pending.capacity());
        }
        pending.put(bytes, from, to - from).flip();
        chars.clear();
        CoderResult result = decoder.decode(pending, chars, !cutByTheRead);
        if (result.isError()) {
            throw notUtf8();
        }
        if (!cutByTheRead) {
            decoder.reset();
        }
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c >= 0x80 && c <= 0x9F) {
                throw new SnapshotRejectedException("it contains a control character");
            }
        }
        pending.compact();
    }

    private void finish() {
        if (!ended) {
            ended = true;
            if (pending.position() > 0) {
                // a sequence the end of the input cut
                throw notUtf8();
            }
        }
    }

    private static SnapshotRejectedException notUtf8() {
        return new SnapshotRejectedException("it is not valid UTF-8 text");
    }
}
