package org.voicepanel.host.snapshotfile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.voicepanel.api.SnapshotFileSealer;

/**
 * Runs the per-byte cryptography of snapshot files, AES-GCM (which Tink takes from the Java runtime) and SHA-256, a
 * few thousand times on small inputs once the panel is up. The JVM uses the processor's instructions for them only
 * in code it has fully compiled, and it compiles the JDK's code after thousands of calls; a panel makes one call per
 * 1 MiB segment or chunk, so for its first few hundred megabytes it sealed and hashed at a fraction of its later
 * speed. Every result is checked, and a few whole files go through the panel's sealer, which makes this a self-test
 * too. Runs on a background thread.
 */
@Component
class CryptoWarmUp implements ApplicationListener<ApplicationReadyEvent> {

    static final int ROUNDS = 12_000;
    /** Whole files through the sealer: each allocates Tink's segment buffers (1 MiB), so a few suffice. */
    static final int FILE_ROUNDS = 20;
    private static final Logger log = LoggerFactory.getLogger(CryptoWarmUp.class);
    private static final int INPUT_BYTES = 1024;
    /** SHA-256("abc"), FIPS 180-2 appendix B.1. */
    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private final SnapshotFileSealer sealer;

    CryptoWarmUp(SnapshotFileSealer sealer) {
        this.sealer = sealer;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        Thread thread = new Thread(() -> {
            try {
                aesGcmRoundTrips(ROUNDS);
                sealingRoundTrips(sealer, FILE_ROUNDS);
                sha256Digests(ROUNDS);
            } catch (RuntimeException | GeneralSecurityException e) {
                log.error("The snapshot-file cryptography failed its self-test in this Java runtime", e);
            }
        }, "crypto-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Seals and opens {@code count} small random payloads; throws when one opens to different bytes. */
    static void sealingRoundTrips(SnapshotFileSealer sealer, int count) {
        SecureRandom random = new SecureRandom();
        byte[] payload = new byte[INPUT_BYTES];
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < count; i++) {
                random.nextBytes(payload);
                sealed.reset();
                opened.reset();
                sealer.seal(new ByteArrayInputStream(payload), sealed);
                sealer.unseal(new ByteArrayInputStream(sealed.toByteArray()), opened);
                if (!Arrays.equals(opened.toByteArray(), payload)) {
                    throw new IllegalStateException("payload " + i + " opened to different bytes");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encrypts and decrypts {@code count} small inputs under a throw-away key; throws when one differs. */
    static void aesGcmRoundTrips(int count) throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        byte[] material = new byte[32];
        random.nextBytes(material);
        SecretKeySpec key = new SecretKeySpec(material, "AES");
        byte[] plaintext = new byte[INPUT_BYTES];
        random.nextBytes(plaintext);
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        for (int i = 0; i < count; i++) {
            nonce[0] = (byte) i;
            nonce[1] = (byte) (i >> 8);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plaintext);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            if (!Arrays.equals(cipher.doFinal(sealed), plaintext)) {
                throw new IllegalStateException("input " + i + " decrypted to different bytes");
            }
            // a nonce is used once per key: a fresh key before the two nonce bytes wrap around
            if ((i & 0xFFFF) == 0xFFFF) {
                random.nextBytes(material);
                key = new SecretKeySpec(material, "AES");
            }
        }
    }

    /** Hashes {@code count} inputs; the last is a published test vector, and a wrong hash of it throws. */
    static void sha256Digests(int count) throws GeneralSecurityException {
        byte[] input = new byte[INPUT_BYTES];
        for (int i = 0; i < count - 1; i++) {
            input[i % INPUT_BYTES]++;
            MessageDigest.getInstance("SHA-256").digest(input);
        }
        byte[] abc = MessageDigest.getInstance("SHA-256").digest("abc".getBytes(StandardCharsets.US_ASCII));
        if (!HexFormat.of().formatHex(abc).equals(SHA256_OF_ABC)) {
            throw new IllegalStateException("SHA-256 does not give the published hash of abc");
        }
    }
}
