package org.voicepanel.host.snapshotfile;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.SnapshotFileSealer;

class CryptoWarmUpTest {

    @Test
    void everyPayloadSealedUnderTheThrowAwayKeysOpensToTheSameBytes() {
        assertThatCode(() -> CryptoWarmUp.sealingRoundTrips(new KeysetSnapshotFileSealer(Payloads.newKeysets()),
                CryptoWarmUp.FILE_ROUNDS)).doesNotThrowAnyException();
    }

    @Test
    void everyInputEncryptedUnderTheThrowAwayKeyDecryptsToTheSameBytes() {
        assertThatCode(() -> CryptoWarmUp.aesGcmRoundTrips(CryptoWarmUp.ROUNDS)).doesNotThrowAnyException();
    }

    @Test
    void aSealerThatOpensToOtherBytesFailsTheSelfTest() {
        KeysetSnapshotFileSealer real = new KeysetSnapshotFileSealer(Payloads.newKeysets());
        SnapshotFileSealer lossy = new SnapshotFileSealer() {
            @Override
            public void seal(InputStream payload, OutputStream sealed) throws IOException {
                real.seal(payload, sealed);
            }

            @Override
            public void unseal(InputStream sealed, OutputStream payload) throws IOException {
                real.unseal(sealed, payload);
                payload.write(0);
            }
        };

        assertThatThrownBy(() -> CryptoWarmUp.sealingRoundTrips(lossy, 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("different bytes");
    }

    @Test
    void sha256GivesThePublishedHashAfterTheWarmUp() {
        assertThatCode(() -> CryptoWarmUp.sha256Digests(CryptoWarmUp.ROUNDS)).doesNotThrowAnyException();
    }
}
