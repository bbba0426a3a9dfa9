package org.voicepanel.host.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Base64 (standard alphabet, padded, no line breaks) of everything written, handed to the response in blocks of
 * 64 KiB. The JDK's encoding stream ({@code Base64.Encoder.wrap}) encodes byte by byte in Java and was the
 * largest cost of a JSON download in the profile; the array encoder it leaves aside is the JDK's vectorised one.
 * Closing it writes the last, padded unit and leaves the response open. Not thread-safe.
 */
final class Base64Body extends OutputStream {

    /** A multiple of three, so that only the last block is padded. */
    static final int BLOCK = 48 * 1024;

    private final OutputStream out;
    private final byte[] pending = new byte[BLOCK];
    private final byte[] encoded = new byte[BLOCK / 3 * 4];
    private int filled;
    private boolean closed;

    Base64Body(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the Base64 body is closed");
        }
        while (length > 0) {
            int n = Math.min(length, BLOCK - filled);
            System.arraycopy(bytes, offset, pending, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == BLOCK) {
                out.write(encoded, 0, Base64.getEncoder().encode(pending, encoded));
                filled = 0;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (filled > 0) {
            out.write(encoded, 0, Base64.getEncoder().encode(Arrays.copyOf(pending, filled), encoded));
        }
        out.flush();
    }
}
