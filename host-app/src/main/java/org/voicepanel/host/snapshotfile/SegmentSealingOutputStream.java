package org.voicepanel.host.snapshotfile;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Cuts what is written into 64 KiB segments and writes each one sealed. A full segment is held
 * back until more bytes arrive, so {@link #finish()} can mark the true last one. {@link #close()}
 * does nothing: the caller's stream is not ours, and a file must end only through {@link #finish()},
 * never because a failure closed the stream early. One file, one thread.
 */
final class SegmentSealingOutputStream extends OutputStream {

    private final OutputStream sealed;
    private final SegmentCipher cipher;
    private final byte[] plaintext = new byte[SegmentCipher.PLAINTEXT_SEGMENT_LENGTH];
    private final byte[] ciphertext = new byte[SegmentCipher.CIPHERTEXT_SEGMENT_LENGTH];
    private int buffered;
    private long nextIndex;
    private boolean finished;

    SegmentSealingOutputStream(OutputStream sealed, SegmentCipher cipher) {
        this.sealed = sealed;
        this.cipher = cipher;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (finished) {
            throw new IOException("The sealed file is already finished");
        }
        while (length > 0) {
            if (buffered == plaintext.length) {
                writeSegment(false);
            }
            int n = Math.min(length, plaintext.length - buffered);
            System.arraycopy(bytes, offset, plaintext, buffered, n);
            buffered += n;
            offset += n;
            length -= n;
        }
    }

    /** Writes the last segment; nothing may be written after. */
    void finish() throws IOException {
        if (!finished) {
            writeSegment(true);
            finished = true;
            sealed.flush();
        }
    }

    @Override
    public void flush() throws IOException {
        sealed.flush();
    }

    @Override
    public void close() {
        // Deliberately empty, see the class comment.
    }

    private void writeSegment(boolean last) throws IOException {
        int length = cipher.seal(nextIndex++, last, plaintext, buffered, ciphertext);
        sealed.write(ciphertext, 0, length);
        buffered = 0;
    }
}
