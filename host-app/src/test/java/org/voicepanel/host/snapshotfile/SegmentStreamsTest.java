package org.voicepanel.host.snapshotfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;

/** The segment layer alone, at the lengths the sealer cannot be steered to: exact segment multiples. */
class SegmentStreamsTest {

    private static final int PLAIN = SegmentCipher.PLAINTEXT_SEGMENT_LENGTH;
    private static final int SEGMENT = SegmentCipher.CIPHERTEXT_SEGMENT_LENGTH;

    private final SnapshotFileKey key = Payloads.newKey();
    private final SealedFileHeader header = SealedFileHeader.create(key, new SecureRandom());

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, PLAIN, 2 * PLAIN, 2 * PLAIN + 1})
    void plaintextComesBackUnchanged(int length) throws IOException {
        byte[] plaintext = Payloads.bytes(Payloads.random(length, length));

        byte[] segments = seal(plaintext);

        assertThat(segments.length).isEqualTo(expectedLength(length));
        assertThat(open(segments)).isEqualTo(plaintext);
    }

    @ParameterizedTest(name = "{0} full segments")
    @ValueSource(ints = {1, 2, 3})
    void fileWhoseLastSegmentIsFullCannotBeCutAtASegmentBoundary(int fullSegments) throws IOException {
        byte[] segments = seal(new byte[fullSegments * PLAIN]);

        for (int kept = 0; kept < fullSegments; kept++) {
            assertInvalid(Arrays.copyOf(segments, kept * SEGMENT));
        }
    }

    @ParameterizedTest(name = "{0} bytes appended")
    @ValueSource(ints = {1, 16, SEGMENT})
    void bytesAfterAFullLastSegmentAreRefused(int extra) throws IOException {
        byte[] segments = seal(new byte[2 * PLAIN]);

        assertInvalid(Arrays.copyOf(segments, segments.length + extra));
    }

    @ParameterizedTest(name = "{0} bytes appended")
    @ValueSource(ints = {1, 16, SEGMENT})
    void bytesAfterAnEmptyLastSegmentAreRefused(int extra) throws IOException {
        byte[] segments = seal(new byte[0]);

        assertInvalid(Arrays.copyOf(segments, segments.length + extra));
    }

    private static int expectedLength(int plaintextLength) {
        int segments = Math.max(1, (plaintextLength + PLAIN - 1) / PLAIN);
        return plaintextLength + segments * SegmentCipher.TAG_LENGTH;
    }

    private byte[] seal(byte[] plaintext) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentSealingOutputStream segments = new SegmentSealingOutputStream(out, new SegmentCipher(key, header));
        segments.write(plaintext);
        segments.finish();
        return out.toByteArray();
    }

    private byte[] open(byte[] segments) throws IOException {
        return new SegmentOpeningInputStream(new ByteArrayInputStream(segments), new SegmentCipher(key, header))
                .readAllBytes();
    }

    private void assertInvalid(byte[] segments) {
        assertThatThrownBy(() -> open(segments)).isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.SNAPSHOT_FILE_INVALID));
    }
}
