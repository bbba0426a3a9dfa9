package org.voicepanel.host.snapshotfile;

import org.voicepanel.host.keys.PanelKeysets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;

/**
 * Every way a file can be altered, cut, extended or foreign ends in SNAPSHOT_FILE_INVALID. What an authentic file may
 * hold inside its seal is {@link SealedPayloadFormatsTest}'s.
 */
class KeysetSnapshotFileSealerTamperingTest {

    private static final int HEADER = SealedFileHeader.LENGTH;
    /** Tink's ciphertext segment (AES256_GCM_HKDF_1MB); segment i >= 1 starts at HEADER + i * SEGMENT. */
    private static final int SEGMENT = 1 << 20;
    /** Tink's own header (length, HKDF salt, nonce prefix), the start of the first segment. */
    private static final int TINK_HEADER = 40;
    private static final int TAG = 16;
    private static final String NOT_INTACT = "not an intact snapshot file of this panel";

    private final PanelKeysets keysets = Payloads.newKeysets();
    private final KeysetSnapshotFileSealer sealer = new KeysetSnapshotFileSealer(keysets);
    // Incompressible, so the sealed file has two full segments and a short last one.
    private final byte[] payload = Payloads.bytes(Payloads.random(2 * SEGMENT + 50_000, 7));
    private final byte[] sealed = seal(payload);

    @Test
    void untouchedFileOpens() throws Exception {
        assertThat(sealed.length).isBetween(HEADER + 2 * SEGMENT + 1, HEADER + 3 * SEGMENT - 1);
        assertThat(Payloads.unseal(sealer, sealed)).isEqualTo(payload);
    }

    @Test
    void anyFlippedHeaderByteIsRefused() {
        for (int at = 0; at < HEADER; at++) {
            assertRefused(flipped(sealed, at));
        }
    }

    @Test
    void flippedMagicIsCalledNotAPanelFile() {
        refusal(flipped(sealed, 0)).isEqualTo("The file is not a snapshot file of this panel.");
    }

    @Test
    void unknownFormatVersionIsNamed() {
        byte[] file = sealed.clone();
        file[SealedFileHeader.MAGIC_LENGTH] = 4;

        refusal(file).contains("format version 4");
    }

    @ParameterizedTest(name = "byte {0} after the header")
    @ValueSource(ints = {0, 1, TINK_HEADER - 1, TINK_HEADER, SEGMENT - 17, SEGMENT - 1, SEGMENT, SEGMENT + 12345,
            2 * SEGMENT - 1, 2 * SEGMENT + 7})
    void flippedByteInASegmentIsRefused(int offset) {
        refusal(flipped(sealed, HEADER + offset)).contains(NOT_INTACT);
    }

    @Test
    void flippedByteInTheLastTagIsRefused() {
        for (int fromEnd = 1; fromEnd <= TAG; fromEnd++) {
            refusal(flipped(sealed, sealed.length - fromEnd)).contains(NOT_INTACT);
        }
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {1, 3, 4, 5, HEADER - 1, HEADER, HEADER + 1, HEADER + TINK_HEADER, HEADER + TINK_HEADER + 16,
            HEADER + SEGMENT - 1,
            HEADER + SEGMENT, HEADER + SEGMENT + 1, HEADER + 2 * SEGMENT})
    void fileCutShortIsRefused(int length) {
        assertRefused(Arrays.copyOf(sealed, length));
    }

    @Test
    void fileMissingItsLastBytesIsRefused() {
        for (int missing = 1; missing <= 17; missing++) {
            refusal(Arrays.copyOf(sealed, sealed.length - missing)).contains(NOT_INTACT);
        }
    }

    @ParameterizedTest(name = "{0} bytes appended")
    @ValueSource(ints = {1, 16, 17, SEGMENT, SEGMENT + 100})
    void bytesAppendedToTheFileAreRefused(int extra) {
        byte[] file = Arrays.copyOf(sealed, sealed.length + extra);

        refusal(file).contains(NOT_INTACT);
    }

    @Test
    void aRepeatedSegmentIsRefused() {
        byte[] file = Payloads.concat(Arrays.copyOf(sealed, HEADER + SEGMENT),
                Arrays.copyOfRange(sealed, HEADER, sealed.length));

        refusal(file).contains(NOT_INTACT);
    }

    @Test
    void swappedSegmentsAreRefused() {
        byte[] file = sealed.clone();
        System.arraycopy(sealed, HEADER, file, HEADER + SEGMENT, SEGMENT);
        System.arraycopy(sealed, HEADER + SEGMENT, file, HEADER, SEGMENT);

        refusal(file).contains(NOT_INTACT);
    }

    @Test
    void droppedMiddleSegmentIsRefused() {
        byte[] file = Payloads.concat(Arrays.copyOf(sealed, HEADER + SEGMENT),
                Arrays.copyOfRange(sealed, HEADER + 2 * SEGMENT, sealed.length));

        refusal(file).contains(NOT_INTACT);
    }

    @Test
    void segmentFromAnotherFileWithTheSameKeyIsRefused() {
        byte[] other = seal(payload);
        byte[] file = sealed.clone();
        System.arraycopy(other, HEADER + SEGMENT, file, HEADER + SEGMENT, SEGMENT);

        refusal(file).contains(NOT_INTACT);
    }

    @Test
    void headerOfAnotherFileWithTheSameKeyIsRefused() {
        byte[] other = seal(payload);
        byte[] file = sealed.clone();
        System.arraycopy(other, 0, file, 0, HEADER + TINK_HEADER);

        refusal(file).contains(NOT_INTACT);
    }

    @Test
    void fileSealedWithAnotherKeyIsRefusedNamingTheKey() {
        KeysetSnapshotFileSealer otherPanel = new KeysetSnapshotFileSealer(Payloads.newKeysets());

        assertThatThrownBy(() -> Payloads.unseal(otherPanel, sealed))
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SNAPSHOT_FILE_INVALID);
                    assertThat(e.getMessage()).contains("another key");
                });
    }

    @Test
    void emptyFileIsRefused() {
        refusal(new byte[0]).contains("empty");
    }

    @Test
    void headerWithoutSegmentsIsRefused() {
        refusal(Arrays.copyOf(sealed, HEADER)).contains(NOT_INTACT);
    }

    @Test
    void randomBytesAreRefused() {
        byte[] noise = new byte[10_000];
        new Random(1).nextBytes(noise);

        refusal(noise).isEqualTo("The file is not a snapshot file of this panel.");
    }

    @Test
    void plainSnapshotTextIsRefused() {
        byte[] text = "virtualserver_name=Server\\sName virtualserver_maxclients=32|channel_name=Lobby\n"
                .getBytes(StandardCharsets.UTF_8);

        refusal(text).isEqualTo("The file is not a snapshot file of this panel.");
    }

    @Test
    void randomBytesBehindAValidLookingHeaderAreRefused() {
        byte[] file = Arrays.copyOf(sealed, HEADER + 5000);
        byte[] noise = new byte[5000];
        new Random(3).nextBytes(noise);
        System.arraycopy(noise, 0, file, HEADER, noise.length);

        refusal(file).contains(NOT_INTACT);
    }

    @Test
    void refusalsNeverNameCryptoOrJavaInternals() {
        IntStream.of(0, 3, HEADER + 1, HEADER + SEGMENT + 2, sealed.length - 1).forEach(at -> {
            BackupException e = catchRefusal(flipped(sealed, at));
            assertThat(e.getMessage()).doesNotContain("Exception", "AEAD", "javax", "Tag", "Cipher", "Zip");
            assertThat(e.getCause()).isNull();
        });
    }

    private byte[] seal(byte[] payload) {
        try {
            return Payloads.seal(sealer, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFileWhoseHeaderNamesAnotherKeyOfTheSameKeysetIsRefused() throws Exception {
        int before = keysets.snapshotFilePrimaryKeyId();
        keysets.rotate();
        byte[] file = sealed.clone();
        java.nio.ByteBuffer.wrap(file, SealedFileHeader.MAGIC_LENGTH + 1, 4).putInt(keysets.snapshotFilePrimaryKeyId());

        assertThat(before).isNotEqualTo(keysets.snapshotFilePrimaryKeyId());
        refusal(file).contains(NOT_INTACT);
    }

    private void assertRefused(byte[] file) {
        catchRefusal(file);
    }

    private AbstractStringAssert<?> refusal(byte[] file) {
        return assertThat(catchRefusal(file).getMessage());
    }

    private BackupException catchRefusal(byte[] file) {
        Throwable thrown = catchThrowable(
                () -> sealer.unseal(new ByteArrayInputStream(file), new ByteArrayOutputStream()));
        assertThat(thrown).isInstanceOf(BackupException.class);
        BackupException e = (BackupException) thrown;
        assertThat(e.reason()).isEqualTo(Reason.SNAPSHOT_FILE_INVALID);
        return e;
    }

    private static byte[] flipped(byte[] file, int at) {
        byte[] copy = file.clone();
        copy[at] ^= 0x01;
        return copy;
    }
}
