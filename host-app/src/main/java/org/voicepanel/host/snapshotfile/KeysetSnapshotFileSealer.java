package org.voicepanel.host.snapshotfile;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Objects;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.host.keys.PanelKeysets;

/**
 * Seals snapshot files as described in the package documentation: zstd, then Tink's streaming AEAD with the
 * snapshot-file keyset's primary key; files of format version 2, deflated, still open. Streams both ways with one
 * segment (1 MiB) in memory. An unpacked payload larger than the limit is refused on both sides with
 * {@code PAYLOAD_TOO_LARGE}, which also stops a decompression bomb. Thread-safe: every call builds its own streams
 * and buffers.
 */
public final class KeysetSnapshotFileSealer implements SnapshotFileSealer {

    /** Default limit for an unpacked payload: far above any voice-server snapshot. */
    public static final long DEFAULT_MAX_PAYLOAD_BYTES = 256L * 1024 * 1024;

    private static final int COPY_BUFFER_LENGTH = 8192;
    /**
     * zstd's fastest regular level. Most snapshots are compressed already and then Base64-encoded: what is left
     * to win is Base64's overhead, which every level wins back alike; deflate's Huffman coding took six times as
     * long for the same size.
     */
    private static final int ZSTD_LEVEL = 1;

    private final PanelKeysets keysets;
    private final long maxPayloadBytes;

    public KeysetSnapshotFileSealer(PanelKeysets keysets) {
        this(keysets, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public KeysetSnapshotFileSealer(PanelKeysets keysets, long maxPayloadBytes) {
        if (maxPayloadBytes < 0) {
            throw new IllegalArgumentException("maxPayloadBytes must not be negative");
        }
        this.keysets = Objects.requireNonNull(keysets, "keysets");
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** On failure, what was written to {@code sealed} is no valid file and must be discarded. */
    @Override
    public void seal(InputStream payload, OutputStream sealed) throws IOException {
        SealedFileHeader header = SealedFileHeader.create(keysets.snapshotFilePrimaryKeyId());
        sealed.write(header.bytes());
        try (OutputStream encrypting = keysets.snapshotFiles().newEncryptingStream(new Unclosed(sealed),
                header.bytes());
             ZstdOutputStreamNoFinalizer compressing = new ZstdOutputStreamNoFinalizer(encrypting, ZSTD_LEVEL)) {
            copyAtMostLimit(payload, compressing);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The snapshot-file keyset cannot seal", e);
        }
    }

    @Override
    public void unseal(InputStream sealed, OutputStream payload) throws IOException {
        SealedFileHeader header = SealedFileHeader.read(sealed, keysets::hasSnapshotFileKey);
        Source source = new Source(sealed);
        InputStream decrypting;
        try {
            decrypting = keysets.snapshotFiles().newDecryptingStream(source, header.bytes());
        } catch (GeneralSecurityException e) {
            throw InvalidSnapshotFile.alteredOrCutShort();
        }
        try {
            if (header.version() == SealedFileHeader.DEFLATE_VERSION) {
                try (InflatedPayloadInputStream inflating = new InflatedPayloadInputStream(decrypting)) {
                    copyAtMostLimit(inflating, payload);
                    inflating.requireEnd();
                }
            } else {
                // without a finalizer, the stream keeps nothing reachable once closed
                try (InputStream decompressing = new ZstdInputStreamNoFinalizer(decrypting)) {
                    copyAtMostLimit(decompressing, payload);
                }
            }
        } catch (BackupException e) {
            throw e;
        } catch (IOException e) {
            if (source.failed(e)) {
                throw e;
            }
            // Tink refused a segment (altered, cut short, reordered or sealed by another key), or what it opened
            // does not decompress: a broken frame, one cut short, or bytes after it
            throw InvalidSnapshotFile.alteredOrCutShort();
        }
    }

    /** Reads only the header: its key id against the primary key's. Anything not a panel file is not current. */
    @Override
    public boolean sealedWithCurrentKey(InputStream sealedStart) throws IOException {
        try {
            return SealedFileHeader.read(sealedStart, keyId -> true).keyId() == keysets.snapshotFilePrimaryKeyId();
        } catch (BackupException e) {
            return false;
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
        return "KeysetSnapshotFileSealer[primary key=" + keysets.snapshotFilePrimaryKeyId() + "]";
    }

    /** The caller's stream, which Tink's encrypting stream may close to finish the file but must not. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** The sealed file as read, remembering a failure of its own so it is not mistaken for a bad seal. */
    private static final class Source extends FilterInputStream {
        private IOException failure;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                return in.read(bytes, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() {
            // the caller's stream
        }

        boolean failed(IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause == failure) {
                    return true;
                }
            }
            return false;
        }
    }
}
