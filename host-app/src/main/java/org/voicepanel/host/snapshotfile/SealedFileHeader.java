package org.voicepanel.host.snapshotfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The versioned header that opens every sealed file: magic, format version, key id, HKDF salt
 * and nonce prefix. {@link #looksSealed(byte[])} lets upload code tell a file that claims to be a
 * panel file from anything else before reading it all. Immutable and thread-safe.
 */
public final class SealedFileHeader {

    /** How many leading bytes of a file {@link #looksSealed(byte[])} needs. */
    public static final int MAGIC_LENGTH = 4;

    static final int VERSION = 1;
    static final int SALT_LENGTH = 16;
    static final int NONCE_PREFIX_LENGTH = 8;
    static final int LENGTH = MAGIC_LENGTH + 1 + SnapshotFileKey.ID_LENGTH + SALT_LENGTH + NONCE_PREFIX_LENGTH;

    private static final byte[] MAGIC = "VPSF".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION_AT = MAGIC_LENGTH;
    private static final int KEY_ID_AT = VERSION_AT + 1;
    private static final int SALT_AT = KEY_ID_AT + SnapshotFileKey.ID_LENGTH;
    private static final int NONCE_PREFIX_AT = SALT_AT + SALT_LENGTH;

    private final byte[] bytes;

    private SealedFileHeader(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Whether a file starting with {@code firstBytes} claims to be a sealed snapshot file. Only the
     * magic is compared; whether the file is intact is known only after unsealing it.
     */
    public static boolean looksSealed(byte[] firstBytes) {
        return firstBytes != null && firstBytes.length >= MAGIC_LENGTH
                && Arrays.equals(firstBytes, 0, MAGIC_LENGTH, MAGIC, 0, MAGIC_LENGTH);
    }

    static SealedFileHeader create(SnapshotFileKey key, SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        System.arraycopy(MAGIC, 0, bytes, 0, MAGIC_LENGTH);
        bytes[VERSION_AT] = VERSION;
        System.arraycopy(key.id(), 0, bytes, KEY_ID_AT, SnapshotFileKey.ID_LENGTH);
        byte[] randomPart = new byte[SALT_LENGTH + NONCE_PREFIX_LENGTH];
        random.nextBytes(randomPart);
        System.arraycopy(randomPart, 0, bytes, SALT_AT, randomPart.length);
        return new SealedFileHeader(bytes);
    }

    /** Reads and checks the header: {@code SNAPSHOT_FILE_INVALID} for anything but this panel's key and format. */
    static SealedFileHeader read(InputStream sealed, SnapshotFileKey key) throws IOException {
        byte[] bytes = sealed.readNBytes(LENGTH);
        if (bytes.length == 0) {
            throw InvalidSnapshotFile.empty();
        }
        if (!looksSealed(bytes)) {
            throw InvalidSnapshotFile.foreign();
        }
        if (bytes.length > VERSION_AT && bytes[VERSION_AT] != VERSION) {
            throw InvalidSnapshotFile.unknownVersion(Byte.toUnsignedInt(bytes[VERSION_AT]));
        }
        if (bytes.length < LENGTH) {
            throw InvalidSnapshotFile.alteredOrCutShort();
        }
        if (!key.hasId(Arrays.copyOfRange(bytes, KEY_ID_AT, SALT_AT))) {
            throw InvalidSnapshotFile.otherKey();
        }
        return new SealedFileHeader(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    byte[] salt() {
        return Arrays.copyOfRange(bytes, SALT_AT, NONCE_PREFIX_AT);
    }

    byte[] noncePrefix() {
        return Arrays.copyOfRange(bytes, NONCE_PREFIX_AT, LENGTH);
    }
}
