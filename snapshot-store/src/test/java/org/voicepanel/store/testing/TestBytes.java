package org.voicepanel.store.testing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Test contents and their hashes. */
public final class TestBytes {

    private TestBytes() {
    }

    /** Lower-case letters, the same for the same length. */
    public static byte[] randomText(int length) {
        byte[] bytes = new byte[length];
        Random random = new Random(length);
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + random.nextInt(26));
        }
        return bytes;
    }

    /** As the store records it: lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
