package org.voicepanel.host.snapshotfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.zip.DeflaterOutputStream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.host.keys.PanelKeysets;

/**
 * What an authentic file holds inside its seal: a zstd frame in format version 3, which new files are written in, or
 * a deflate stream in version 2, which earlier panels wrote and which still opens. Files here are sealed by hand, as
 * only a holder of the key could, so that the content itself is what is wrong.
 */
class SealedPayloadFormatsTest {

    private static final String NOT_INTACT = "not an intact snapshot file of this panel";

    private final PanelKeysets keysets = Payloads.newKeysets();
    private final KeysetSnapshotFileSealer sealer = new KeysetSnapshotFileSealer(keysets);
    private final byte[] payload = Payloads.bytes(Payloads.text(300_000, 7));

    @Test
    void newFilesAreSealedInFormatVersion3() throws IOException {
        byte[] sealed = Payloads.seal(sealer, payload);

        assertThat(sealed[SealedFileHeader.MAGIC_LENGTH]).isEqualTo((byte) 3);
        assertThat(Payloads.unseal(sealer, sealed)).isEqualTo(payload);
    }

    @Test
    void aFileOfFormatVersion2StillOpens() throws Exception {
        assertThat(Payloads.unseal(sealer, sealRaw(SealedFileHeader.DEFLATE_VERSION, deflate(payload))))
                .isEqualTo(payload);
    }

    @Test
    void authenticDataAfterTheCompressedPayloadIsRefused() throws Exception {
        refusal(sealRaw(SealedFileHeader.VERSION, Payloads.concat(Zstd.compress(payload), new byte[] {1, 2, 3})))
                .contains(NOT_INTACT);
        refusal(sealRaw(SealedFileHeader.DEFLATE_VERSION, Payloads.concat(deflate(payload), new byte[] {1, 2, 3})))
                .contains("extra data");
    }

    @Test
    void authenticButIncompleteCompressedPayloadIsRefused() throws Exception {
        byte[] zstd = Zstd.compress(payload);
        byte[] deflated = deflate(payload);

        refusal(sealRaw(SealedFileHeader.VERSION, Arrays.copyOf(zstd, zstd.length - 10))).contains(NOT_INTACT);
        refusal(sealRaw(SealedFileHeader.DEFLATE_VERSION, Arrays.copyOf(deflated, deflated.length - 10)))
                .contains(NOT_INTACT);
    }

    @Test
    void authenticBytesThatAreNotCompressedAreRefused() throws Exception {
        byte[] plain = "plain, not compressed".getBytes(StandardCharsets.UTF_8);

        refusal(sealRaw(SealedFileHeader.VERSION, plain)).contains(NOT_INTACT);
        refusal(sealRaw(SealedFileHeader.DEFLATE_VERSION, plain)).contains(NOT_INTACT);
    }

    /** Any content, correctly sealed under a header of the given format version. */
    private byte[] sealRaw(int version, byte[] content) throws IOException, GeneralSecurityException {
        SealedFileHeader header = SealedFileHeader.create(keysets.snapshotFilePrimaryKeyId(), version);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(header.bytes());
        try (OutputStream encrypting = keysets.snapshotFiles().newEncryptingStream(file, header.bytes())) {
            encrypting.write(content);
        }
        return file.toByteArray();
    }

    private AbstractStringAssert<?> refusal(byte[] file) {
        Throwable thrown = catchThrowable(
                () -> sealer.unseal(new ByteArrayInputStream(file), new ByteArrayOutputStream()));
        assertThat(thrown).isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.SNAPSHOT_FILE_INVALID));
        return assertThat(thrown.getMessage());
    }

    private static byte[] deflate(byte[] bytes) throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
            out.write(bytes);
        }
        return deflated.toByteArray();
    }
}
