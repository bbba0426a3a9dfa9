package org.voicepanel.host.snapshotfile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over the segments of one file. The file key comes from HKDF-SHA256 over the panel
 * key and the header's salt; segment {@code i} uses the nonce {@code prefix | i} and authenticates
 * the header plus a last-segment flag. One instance per file and thread: it holds a {@link Cipher}.
 */
final class SegmentCipher {

    static final int PLAINTEXT_SEGMENT_LENGTH = 64 * 1024;
    static final int TAG_LENGTH = 16;
    static final int CIPHERTEXT_SEGMENT_LENGTH = PLAINTEXT_SEGMENT_LENGTH + TAG_LENGTH;

    private static final int NONCE_LENGTH = 12;
    private static final long SEGMENT_LIMIT = 1L << 32;
    private static final byte[] HKDF_INFO = "VPSF v1 segment key".getBytes(StandardCharsets.US_ASCII);

    private final Cipher cipher;
    private final SecretKey fileKey;
    private final byte[] nonce;
    private final byte[] middleAad;
    private final byte[] lastAad;

    SegmentCipher(SnapshotFileKey key, SealedFileHeader header) {
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
        this.fileKey = new SecretKeySpec(Hkdf.sha256(key.material(), header.salt(), HKDF_INFO), "AES");
        this.nonce = Arrays.copyOf(header.noncePrefix(), NONCE_LENGTH);
        byte[] headerBytes = header.bytes();
        this.middleAad = Arrays.copyOf(headerBytes, headerBytes.length + 1);
        this.lastAad = middleAad.clone();
        lastAad[headerBytes.length] = 1;
    }

    /** Seals {@code length} bytes of {@code plaintext} into {@code out}; returns the bytes written. */
    int seal(long index, boolean last, byte[] plaintext, int length, byte[] out) {
        try {
            init(Cipher.ENCRYPT_MODE, index, last);
            return cipher.doFinal(plaintext, 0, length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing a segment failed", e);
        }
    }

    /** Opens one segment into {@code out}; returns the plaintext length. */
    int open(long index, boolean last, byte[] ciphertext, int length, byte[] out) throws AEADBadTagException {
        try {
            init(Cipher.DECRYPT_MODE, index, last);
            return cipher.doFinal(ciphertext, 0, length, out, 0);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Opening a segment failed", e);
        }
    }

    private void init(int mode, long index, boolean last) throws GeneralSecurityException {
        if (index < 0 || index >= SEGMENT_LIMIT) {
            throw new IllegalStateException("A snapshot file has at most " + SEGMENT_LIMIT + " segments");
        }
        int at = SealedFileHeader.NONCE_PREFIX_LENGTH;
        nonce[at] = (byte) (index >>> 24);
        nonce[at + 1] = (byte) (index >>> 16);
        nonce[at + 2] = (byte) (index >>> 8);
        nonce[at + 3] = (byte) index;
        cipher.init(mode, fileKey, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        cipher.updateAAD(last ? lastAad : middleAad);
    }
}
