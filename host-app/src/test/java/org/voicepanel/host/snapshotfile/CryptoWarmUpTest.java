package org.voicepanel.host.snapshotfile;

import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

/** The warm-up is a self-test: it throws when a result differs from the expected one. */
class CryptoWarmUpTest {

    @Test
    void everySegmentSealedUnderTheThrowAwayKeyOpensToTheSameBytes() {
        assertThatNoException().isThrownBy(() -> CryptoWarmUp.aesGcmRoundTrips(CryptoWarmUp.ROUNDS));
    }

    @Test
    void sha256GivesThePublishedHashAfterTheWarmUp() {
        assertThatNoException().isThrownBy(() -> CryptoWarmUp.sha256Digests(CryptoWarmUp.ROUNDS));
    }
}
