package org.voicepanel.host.snapshotfile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The panel's AES-256 key for snapshot files, with the short id written into every file's header
 * so that a file sealed with another key is recognised as such. Immutable and thread-safe;
 * {@link #toString()} shows the id only, never the key.
 */
public final class SnapshotFileKey {

    /** Length of an AES-256 key in bytes. */
    public static final int LENGTH = 32;

    static final int ID_LENGTH = 8;

    private static final byte[] NO_SALT = new byte[Hkdf.LENGTH];

    // Hashing a label with the key keeps the id from being a plain hash of the key that might be used elsewhere.
    private static final byte[] ID_LABEL = "voicepanel snapshot-file key id".getBytes(StandardCharsets.US_ASCII);

    private final byte[] material;
    private final byte[] id;

    /** @throws IllegalArgumentException if {@code material} is not 32 bytes long */
    public SnapshotFileKey(byte[] material) {
        if (material == null || material.length != LENGTH) {
            throw new IllegalArgumentException("A snapshot-file key is an AES-256 key of " + LENGTH + " bytes");
        }
        this.material = material.clone();
        this.id = idOf(this.material);
    }

    /** The key id, as written into the header of every file sealed with this key. */
    public byte[] id() {
        return id.clone();
    }

    /** The key id in hex, safe to log. */
    public String idHex() {
        return HexFormat.of().formatHex(id);
    }

    /**
     * A 32-byte key for another use of the panel's secret, such as encrypting stored passwords,
     * derived with HKDF-SHA256 so that the snapshot-file key itself is never used twice. The same
     * purpose always gives the same key; different purposes give unrelated keys.
     */
    public byte[] derive(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("A derived key needs a purpose");
        }
        byte[] info = ("voicepanel derived key: " + purpose).getBytes(StandardCharsets.UTF_8);
        return Hkdf.sha256(material, NO_SALT, info);
    }

    boolean hasId(byte[] candidate) {
        return MessageDigest.isEqual(id, candidate);
    }

    byte[] material() {
        return material.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotFileKey key && MessageDigest.isEqual(material, key.material);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return "SnapshotFileKey[id=" + idHex() + "]";
    }

    private static byte[] idOf(byte[] material) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ID_LABEL);
            return Arrays.copyOf(sha256.digest(material), ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
