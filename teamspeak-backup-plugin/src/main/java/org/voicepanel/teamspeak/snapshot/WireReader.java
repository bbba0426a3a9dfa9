package org.voicepanel.teamspeak.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Reads a snapshot's bytes once, front to back, and enforces what holds for every dialect: one line of
 * UTF-8 text without control characters, no larger than the limit. Everything a format check sees has
 * passed these rules, so no byte that could end or split a ServerQuery command reaches the deploy line.
 *
 * <p>It can also hash the bytes it hands out from a chosen point on (the legacy hash covers the text after
 * the first {@code |}). Failures of the underlying stream surface as {@link UncheckedIOException}, so that
 * they cannot be mistaken for a damaged snapshot by the decoders stacked on top. Not thread-safe.
 */
final class WireReader {

    static final int END = -1;

    private static final boolean[] BASE64_LETTERS = new boolean[256];

    static {
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".chars()
                .forEach(letter -> BASE64_LETTERS[letter] = true);
    }

    private final InputStream in;
    private final long maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long bytesRead;

    private MessageDigest digest;
    private int digestFrom;

    WireReader(InputStream in, long maxBytes) {
        // the bytes past ASCII are the JDK decoder's to check; this class checks the ASCII ones
        this.in = new StrictUtf8Stream(in);
        this.maxBytes = maxBytes;
    }

    /** Whether the text starts with {@code ascii}, without consuming anything. Only valid before reading. */
    boolean startsWith(String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        while (limit < expected.length && fill(limit)) {
            // keep filling: a stream may return fewer bytes than asked for
        }
        if (limit < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (buffer[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Consumes {@code ascii}, which the caller has already seen with {@link #startsWith}. */
    void skip(String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            next();
        }
    }

    /** The next byte (0 to 255), or {@link #END}. */
    int next() {
        if (position == limit) {
            updateDigest();
            position = 0;
            limit = 0;
            digestFrom = 0;
            if (!fill(0)) {
                return END;
            }
        }
        return check(buffer[position++] & 0xFF);
    }

    /**
     * Copies up to {@code count} Base64 letters ({@code A-Z a-z 0-9 + /}) from the buffer as they stand, stopping
     * before any other byte: they need none of {@link #next}'s checks, and a snapshot is mostly Base64. Returns 0 when the next byte is no letter or the buffer is used up; {@link #next} goes on from there.
     */
    int takeBase64Letters(byte[] target, int offset, int count) {
        int start = position;
        int end = Math.min(limit, position + count);
        while (position < end && isBase64Letter(buffer[position] & 0xFF)) {
            position++;
        }
        System.arraycopy(buffer, start, target, offset, position - start);
        return position - start;
    }

    static boolean isBase64Letter(int b) {
        return b >= 0 && b < BASE64_LETTERS.length && BASE64_LETTERS[b];
    }

    /** Hashes every byte handed out after this call. */
    void digestFromHere(MessageDigest newDigest) {
        this.digest = newDigest;
        this.digestFrom = position;
    }

    /** The hash over the bytes handed out since {@link #digestFromHere}. */
    byte[] finishDigest() {
        updateDigest();
        byte[] result = digest.digest();
        digest = null;
        return result;
    }

    private void updateDigest() {
        if (digest != null && position > digestFrom) {
            digest.update(buffer, digestFrom, position - digestFrom);
            digestFrom = position;
        }
    }

    private boolean fill(int offset) {
        try {
            int n = in.read(buffer, offset, buffer.length - offset);
            if (n <= 0) {
                return false;
            }
            bytesRead += n;
            if (bytesRead > maxBytes) {
                throw new SnapshotRejectedException("it is larger than the " + SnapshotValidator.describeSize(maxBytes)
                        + " the panel accepts");
            }
            limit = offset + n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Line breaks and ASCII control characters; every byte has passed {@link StrictUtf8Stream} already. */
    private static int check(int b) {
        if (b == '\n' || b == '\r') {
            throw new SnapshotRejectedException("it contains a line break, so it is more than one line");
        }
        if (b < 0x20 || b == 0x7F) {
            throw new SnapshotRejectedException("it contains a control character");
        }
        return b;
    }
}
