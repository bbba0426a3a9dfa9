package org.voicepanel.host.snapshotfile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Runs the per-byte cryptography of snapshot files, AES-GCM and SHA-256, a few thousand times on small inputs once
 * the panel is up. The JVM uses the processor's instructions for them only in code it has fully compiled, and it
 * compiles the JDK's code after thousands of calls; a panel makes one call per 64 KiB segment or 1 MiB chunk, so
 * for its first few hundred megabytes it sealed at about 50 MB/s and hashed at 300 MB/s instead of gigabytes per
 * second. Every result is checked, which makes this a self-test too. Runs on a background thread.
 */
@Component
class CryptoWarmUp implements ApplicationListener<ApplicationReadyEvent> {

    static final int ROUNDS = 12_000;
    private static final Logger log = LoggerFactory.getLogger(CryptoWarmUp.class);
    private static final int INPUT_BYTES = 1024;
    /** SHA-256("abc"), FIPS 180-2 appendix B.1. */
    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        Thread thread = new Thread(() -> {
            try {
                aesGcmRoundTrips(ROUNDS);
                sha256Digests(ROUNDS);
            } catch (RuntimeException | GeneralSecurityException e) {
                log.error("The snapshot-file cryptography failed its self-test in this Java runtime", e);
            }
        }, "crypto-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Seals segments under a throw-away key and opens them; throws unless each opens to the same bytes. */
    static void aesGcmRoundTrips(int count) throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        byte[] material = new byte[SnapshotFileKey.LENGTH];
        random.nextBytes(material);
        SnapshotFileKey key = new SnapshotFileKey(material);
        SegmentCipher cipher = new SegmentCipher(key, SealedFileHeader.create(key, random));
        byte[] plaintext = new byte[INPUT_BYTES];
        random.nextBytes(plaintext);
        byte[] sealed = new byte[INPUT_BYTES + SegmentCipher.TAG_LENGTH];
        byte[] opened = new byte[INPUT_BYTES];
        for (int i = 0; i < count; i++) {
            int length = cipher.seal(i, false, plaintext, INPUT_BYTES, sealed);
            if (cipher.open(i, false, sealed, length, opened) != INPUT_BYTES || !Arrays.equals(opened, plaintext)) {
                throw new IllegalStateException("segment " + i + " opened to different bytes");
            }
        }
    }

    /** Hashes {@code count} inputs, the last a published test vector; throws unless its hash is the published one. */
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
