package org.voicepanel.host.snapshotfile;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Seals and opens a few thousand small segments under a throw-away key once the panel is up. The JVM only uses
 * the processor's AES-GCM instructions in code it has fully compiled, and it compiles the JDK's GCM code after
 * thousands of calls: until then a snapshot file was sealed at about 50 MB/s instead of gigabytes per second,
 * and a panel seals one 64 KiB segment per call, so that lasted for the first few hundred megabytes. Each round
 * trip is also checked, which makes this a self-test of the cipher. Runs on a background thread.
 */
@Component
class CipherWarmUp implements ApplicationListener<ApplicationReadyEvent> {

    static final int ROUND_TRIPS = 12_000;
    private static final Logger log = LoggerFactory.getLogger(CipherWarmUp.class);
    private static final int SEGMENT_BYTES = 1024;

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        Thread thread = new Thread(() -> {
            try {
                roundTrips(ROUND_TRIPS);
            } catch (RuntimeException | AEADBadTagException e) {
                log.error("AES-GCM does not round-trip in this Java runtime; snapshot files cannot be trusted", e);
            }
        }, "snapshot-cipher-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** @return how many segments were sealed, opened and found equal */
    static int roundTrips(int count) throws AEADBadTagException {
        SecureRandom random = new SecureRandom();
        byte[] material = new byte[SnapshotFileKey.LENGTH];
        random.nextBytes(material);
        SnapshotFileKey key = new SnapshotFileKey(material);
        SegmentCipher cipher = new SegmentCipher(key, SealedFileHeader.create(key, random));
        byte[] plaintext = new byte[SEGMENT_BYTES];
        random.nextBytes(plaintext);
        byte[] sealed = new byte[SEGMENT_BYTES + SegmentCipher.TAG_LENGTH];
        byte[] opened = new byte[SEGMENT_BYTES];
        for (int i = 0; i < count; i++) {
            int length = cipher.seal(i, false, plaintext, SEGMENT_BYTES, sealed);
            if (cipher.open(i, false, sealed, length, opened) != SEGMENT_BYTES || !Arrays.equals(opened, plaintext)) {
                throw new IllegalStateException("segment " + i + " opened to different bytes");
            }
        }
        return count;
    }
}
