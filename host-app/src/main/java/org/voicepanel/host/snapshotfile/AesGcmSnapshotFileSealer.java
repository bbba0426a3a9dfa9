package org.voicepanel.host.snapshotfile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.api.SnapshotFileSealer;

/**
 * Seals snapshot files as described in the package documentation: deflate, then AES-256-GCM in
 * 64 KiB segments. Streams both ways with one segment in memory. An unpacked payload larger than
 * the limit is refused on both sides with {@code PAYLOAD_TOO_LARGE}, which also stops a
 * decompression bomb. Thread-safe: it holds only the key and a {@link SecureRandom}; every call
 * builds its own cipher, deflater and buffers.
 */
public final class AesGcmSnapshotFileSealer implements SnapshotFileSealer {

    /** Default limit for an unpacked payload: far above any voice-server snapshot. */
    public static final long DEFAULT_MAX_PAYLOAD_BYTES = 256L * 1024 * 1024;

    private static final int COPY_BUFFER_LENGTH = 8192;

    private final SnapshotFileKey key;
    private final long maxPayloadBytes;
    private final SecureRandom random = new SecureRandom();

    public AesGcmSnapshotFileSealer(SnapshotFileKey key) {
        this(key, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public AesGcmSnapshotFileSealer(SnapshotFileKey key, long maxPayloadBytes) {
        if (maxPayloadBytes < 0) {
            throw new IllegalArgumentException("maxPayloadBytes must not be negative");
        }
        this.key = Objects.requireNonNull(key, "key");
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** On failure, what was written to {@code sealed} is no valid file and must be discarded. */
    @Override
    public void seal(InputStream payload, OutputStream sealed) throws IOException {
        SealedFileHeader header = SealedFileHeader.create(key, random);
        sealed.write(header.bytes());
        SegmentSealingOutputStream segments = new SegmentSealingOutputStream(sealed, new SegmentCipher(key, header));
        byte[] start = payload.readNBytes(DeflateStrategy.SAMPLE_BYTES);
        Deflater deflater = DeflateStrategy.forPayloadStartingWith(start);
        try {
            DeflaterOutputStream deflating = new DeflaterOutputStream(segments, deflater, COPY_BUFFER_LENGTH);
            copyAtMostLimit(new SequenceInputStream(new ByteArrayInputStream(start), payload), deflating);
            deflating.finish();
            segments.finish();
        } finally {
            deflater.end();
        }
    }

    @Override
    public void unseal(InputStream sealed, OutputStream payload) throws IOException {
        SealedFileHeader header = SealedFileHeader.read(sealed, key);
        SegmentOpeningInputStream segments = new SegmentOpeningInputStream(sealed, new SegmentCipher(key, header));
        try (InflatedPayloadInputStream inflating = new InflatedPayloadInputStream(segments)) {
            copyAtMostLimit(inflating, payload);
            inflating.requireEnd();
        }
    }

    private void copyAtMostLimit(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER_LENGTH];
        long copied = 0;
        for (int n = from.read(buffer); n != -1; n = from.read(buffer)) {
            copied += n;
            if (copied > maxPayloadBytes) {
                throw tooLarge();
            }
            to.write(buffer, 0, n);
        }
    }

    private BackupException tooLarge() {
        return new BackupException(Reason.PAYLOAD_TOO_LARGE,
                "The snapshot is larger than the panel handles (at most " + maxPayloadBytes + " bytes unpacked).");
    }

    @Override
    public String toString() {
        return "AesGcmSnapshotFileSealer[key=" + key.idHex() + "]";
    }
}
