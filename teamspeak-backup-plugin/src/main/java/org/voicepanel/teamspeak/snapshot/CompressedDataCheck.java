package org.voicepanel.teamspeak.snapshot;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * Proves that the data field of a version 2 or 3 snapshot decodes: Base64, then a zstd stream that
 * decompresses completely into the snapshot's record layout. It streams; nothing is held but buffers.
 * zstd-jni's {@code ZstdInputStream} has a finalizer, which kept everything under it reachable, the whole
 * payload it was read from included, until the finalizer thread got to it; a restore near the size limit
 * then ran out of heap. The stream without one frees its native state when closed. Stateless.
 */
final class CompressedDataCheck {

    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};

    private CompressedDataCheck() {
    }

    /** Reads the data field from the reader and returns what ended it. */
    static int check(WireReader reader, long maxDecompressedBytes) {
        EncodedDataStream encoded = new EncodedDataStream(reader);
        try (InputStream decoded = new Base64Blocks(encoded)) {
            byte[] magic = decoded.readNBytes(ZSTD_MAGIC.length);
            if (!Arrays.equals(magic, ZSTD_MAGIC)) {
                throw new SnapshotRejectedException("its data is not zstd-compressed");
            }
            // closing the zstd stream must not close the Base64 stream: it is read once more below
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(magic), new KeptOpen(decoded));
            decompress(whole, maxDecompressedBytes);
            if (decoded.read() != -1) {
                throw new SnapshotRejectedException("its data continues after the compressed snapshot ends");
            }
        } catch (IOException e) {
            // Base64 failures are refusals already, and the reader's own failures are unchecked:
            // what is left comes from zstd
            throw new SnapshotRejectedException("its data does not decompress (" + e.getMessage() + ")");
        }
        return encoded.finish();
    }

    private static void decompress(InputStream compressed, long maxBytes) throws IOException {
        RecordTokens tokens = new RecordTokens();
        long total = 0;
        try (ZstdInputStreamNoFinalizer zstd = new ZstdInputStreamNoFinalizer(compressed)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = zstd.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new SnapshotRejectedException("its data decompresses to more than "
                            + SnapshotValidator.describeSize(maxBytes));
                }
                tokens.accept(buffer, n);
            }
        }
        if (total == 0) {
            throw new SnapshotRejectedException("its data is empty");
        }
        tokens.finish();
    }

    private static final class KeptOpen extends FilterInputStream {

        KeptOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller closes the stream underneath
        }
    }

    /**
     * Splits the decompressed records into tokens and hands the bare ones to {@link SectionMarkers}.
     * Lenient about everything else: this text is Base64 on the wire, so it cannot inject anything, and
     * TeamSpeak's exact inner encoding is not documented.
     */
    private static final class RecordTokens {

        private static final int LONGEST_MARKER = 32;

        private final SectionMarkers markers = new SectionMarkers();
        private final StringBuilder token = new StringBuilder();
        private boolean tooLong;
        private boolean hasValue;

        void accept(byte[] bytes, int count) {
            for (int i = 0; i < count; i++) {
                int b = bytes[i] & 0xFF;
                if (b == ' ' || b == '|' || b == '\n' || b == '\r') {
                    endToken();
                } else if (b == '=') {
                    hasValue = true;
                } else if (!hasValue && !tooLong) {
                    if (token.length() == LONGEST_MARKER) {
                        tooLong = true;
                    } else {
                        token.append((char) b);
                    }
                }
            }
        }

        void finish() {
            endToken();
            markers.requireComplete();
        }

        private void endToken() {
            if (!hasValue && !tooLong && token.length() > 0) {
                markers.see(token);
            }
            token.setLength(0);
            tooLong = false;
            hasValue = false;
        }
    }
}
