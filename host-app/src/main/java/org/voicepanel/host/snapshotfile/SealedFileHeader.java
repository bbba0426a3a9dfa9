package org.voicepanel.host.snapshotfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The versioned header that opens every sealed file: magic, format version and the id of the keyset's key that
 * sealed it. It is the associated data of the Tink ciphertext that follows, so it cannot be changed unnoticed.
 * {@link #looksSealed(byte[])} lets upload code tell a file that claims to be a panel file from anything else before
 * reading it all; the key id tells a file of another panel (or of a key since removed) from an altered one, and
 * which files a re-seal must visit. Immutable and thread-safe.
 */
public final class SealedFileHeader {

    /** How many leading bytes of a file {@link #looksSealed(byte[])} needs. */
    public static final int MAGIC_LENGTH = 4;

    /** The format files are sealed in: the payload compressed with zstd. */
    static final int VERSION = 3;
    /** The format of files sealed before: the payload deflated. They still open. */
    static final int DEFLATE_VERSION = 2;
    static final int LENGTH = MAGIC_LENGTH + 1 + Integer.BYTES;

    private static final byte[] MAGIC = "VPSF".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION_AT = MAGIC_LENGTH;
    private static final int KEY_ID_AT = VERSION_AT + 1;

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

    static SealedFileHeader create(int keyId) {
        return create(keyId, VERSION);
    }

    static SealedFileHeader create(int keyId, int version) {
        return new SealedFileHeader(ByteBuffer.allocate(LENGTH).put(MAGIC).put((byte) version).putInt(keyId).array());
    }

    /**
     * Reads and checks the header: {@code SNAPSHOT_FILE_INVALID} for anything but a format this panel reads and a
     * key it holds ({@code knownKey}).
     */
    static SealedFileHeader read(InputStream sealed, IntPredicate knownKey) throws IOException {
        byte[] bytes = sealed.readNBytes(LENGTH);
        if (bytes.length == 0) {
            throw InvalidSnapshotFile.empty();
        }
        if (!looksSealed(bytes)) {
            throw InvalidSnapshotFile.foreign();
        }
        if (bytes.length > VERSION_AT && bytes[VERSION_AT] != VERSION && bytes[VERSION_AT] != DEFLATE_VERSION) {
            throw InvalidSnapshotFile.unknownVersion(Byte.toUnsignedInt(bytes[VERSION_AT]));
        }
        if (bytes.length < LENGTH) {
            throw InvalidSnapshotFile.alteredOrCutShort();
        }
        SealedFileHeader header = new SealedFileHeader(bytes);
        if (!knownKey.test(header.keyId())) {
            throw InvalidSnapshotFile.otherKey();
        }
        return header;
    }

    int version() {
        return bytes[VERSION_AT];
    }

    int keyId() {
        return ByteBuffer.wrap(bytes, KEY_ID_AT, Integer.BYTES).getInt();
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
