package org.voicepanel.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe from one writing thread to one reading thread, for {@link SnapshotFileSealer#reseal}'s default:
 * at most {@value #PIECES} pieces of at most {@value #PIECE} bytes in flight. {@code java.io}'s piped streams wake
 * their peer only once a second, which made a re-seal crawl. Closing the reading end fails the next write with
 * {@link ReaderGone}.
 */
final class PayloadPipe {

    private static final int PIECES = 16;
    private static final int PIECE = 64 * 1024;
    private static final byte[] END = new byte[0];

    /** The reading end was closed: the writer should stop. */
    static final class ReaderGone extends IOException {
        private static final long serialVersionUID = 1L;

        ReaderGone() {
            super("the reading end of the pipe was closed");
        }
    }

    private final BlockingQueue<byte[]> pieces = new ArrayBlockingQueue<>(PIECES);
    private volatile boolean readerGone;

    final OutputStream sink = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int at = offset; at < offset + length; at += PIECE) {
                put(Arrays.copyOfRange(bytes, at, Math.min(offset + length, at + PIECE)));
            }
        }

        @Override
        public void close() throws IOException {
            put(END);
        }
    };

    final InputStream source = new InputStream() {
        private byte[] piece = new byte[0];
        private int position;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (!ended && position == piece.length) {
                try {
                    piece = pieces.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading a re-sealed payload");
                }
                position = 0;
                ended = piece == END;
            }
            if (ended) {
                return -1;
            }
            int n = Math.min(length, piece.length - position);
            System.arraycopy(piece, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            readerGone = true;
            pieces.clear();
        }
    };

    private void put(byte[] piece) throws IOException {
        try {
            while (!readerGone) {
                if (pieces.offer(piece, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a re-sealed payload");
        }
        throw new ReaderGone();
    }
}
