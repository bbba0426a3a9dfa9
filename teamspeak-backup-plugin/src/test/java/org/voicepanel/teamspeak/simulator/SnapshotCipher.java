package org.voicepanel.teamspeak.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Password protection of v2/v3 snapshots ({@code serversnapshotcreate password=…} adds {@code salt=}).
 *
 * <p>TeamSpeak's cipher is not public (docs/teamspeak.md 2.2), so this is the simulator's own: AES-GCM with a
 * PBKDF2 key from password and salt. What matters for tests is the observable contract: a salted snapshot deploys
 * only with the same password. Thread-safe.
 */
final class SnapshotCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private SnapshotCipher() {
    }

    static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return Base64.getEncoder().encodeToString(salt);
    }

    static byte[] encrypt(byte[] plain, String password, String salt) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, password, salt, iv);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    static byte[] decrypt(byte[] sealed, String password, String salt) throws InvalidSnapshotException {
        if (sealed.length <= IV_BYTES) {
            throw new InvalidSnapshotException("encrypted snapshot too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, password, salt, Arrays.copyOf(sealed, IV_BYTES));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new InvalidSnapshotException("wrong snapshot password or damaged data");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static Cipher cipher(int mode, String password, String salt, byte[] iv)
            throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 10_000, 256);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        return cipher;
    }
}
