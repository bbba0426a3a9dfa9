package org.voicepanel.teamspeak.snapshot;

import java.io.InputStream;

/**
 * The Base64 text of a snapshot's data field as the server sends it, with {@code \/} turned back into
 * {@code /}. It ends at the field's end (a space, a {@code |} or the end of the text) and remembers
 * which one, so the format check can go on from there.
 *
 * <p>Only the Base64 alphabet, {@code \/} and trailing padding are accepted: this is the part of a
 * snapshot that travels verbatim on the deploy line, so it must be exactly what the format allows.
 * Not thread-safe; closing it leaves the underlying reader open.
 */
final class EncodedDataStream extends InputStream {

    private final WireReader reader;
    private long length;
    private int padding;
    private int terminator = Integer.MIN_VALUE;

    EncodedDataStream(WireReader reader) {
        this.reader = reader;
    }

    @Override
    public int read() {
        if (terminator != Integer.MIN_VALUE) {
            return -1;
        }
        int c = reader.next();
        if (c == WireReader.END || c == ' ' || c == '|') {
            terminator = c;
            return -1;
        }
        if (c == '\\') {
            if (reader.next() != '/') {
                throw new SnapshotRejectedException("its data contains an escape sequence Base64 does not have");
            }
            c = '/';
        }
        if (c == '=') {
            if (++padding > 2) {
                throw new SnapshotRejectedException("its data is not valid Base64");
            }
        } else if (padding > 0 || !WireReader.isBase64Letter(c)) {
            throw new SnapshotRejectedException("its data is not valid Base64");
        }
        length++;
        return c;
    }

    @Override
    public int read(byte[] target, int offset, int count) {
        int n = 0;
        while (n < count) {
            if (terminator == Integer.MIN_VALUE && padding == 0) {
                int letters = reader.takeBase64Letters(target, offset + n, count - n);
                if (letters > 0) {
                    n += letters;
                    length += letters;
                    continue;
                }
            }
            int c = read();
            if (c < 0) {
                return n == 0 ? -1 : n;
            }
            target[offset + n++] = (byte) c;
        }
        return n;
    }

    /** After the data is read: checks it was whole and returns what ended it ({@link WireReader#END}, ' ' or '|'). */
    int finish() {
        // the Base64 decoder may stop at the padding without asking for the end of the field
        if (terminator == Integer.MIN_VALUE && read() != -1) {
            throw new SnapshotRejectedException("its data continues after the compressed snapshot ends");
        }
        if (length == 0) {
            throw new SnapshotRejectedException("its data is empty");
        }
        if (length % 4 != 0) {
            throw new SnapshotRejectedException("its data is cut short (the Base64 text is incomplete)");
        }
        return terminator;
    }

    @Override
    public void close() {
        // the reader belongs to the caller
    }
}
