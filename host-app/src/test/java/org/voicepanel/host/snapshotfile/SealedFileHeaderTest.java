package org.voicepanel.host.snapshotfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SealedFileHeaderTest {

    @Test
    void sealedFileIsRecognisedByItsFirstFourBytes() throws Exception {
        KeysetSnapshotFileSealer sealer = new KeysetSnapshotFileSealer(Payloads.newKeysets());

        byte[] sealed = Payloads.seal(sealer, "x".getBytes(StandardCharsets.UTF_8));

        assertThat(SealedFileHeader.MAGIC_LENGTH).isEqualTo(4);
        assertThat(SealedFileHeader.looksSealed(sealed)).isTrue();
        assertThat(SealedFileHeader.looksSealed(Arrays.copyOf(sealed, SealedFileHeader.MAGIC_LENGTH))).isTrue();
    }

    @Test
    void otherFilesDoNotLookSealed() {
        assertThat(SealedFileHeader.looksSealed(null)).isFalse();
        assertThat(SealedFileHeader.looksSealed(new byte[0])).isFalse();
        assertThat(SealedFileHeader.looksSealed("VPS".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(SealedFileHeader.looksSealed("vpsf".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(SealedFileHeader.looksSealed(new byte[] {'P', 'K', 3, 4})).isFalse();
        assertThat(SealedFileHeader.looksSealed(
                "serverinstance_database_version=26|virtualserver_name=x".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
