package org.voicepanel.host.snapshotfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CryptoWarmUpTest {

    @Test
    void everySegmentSealedUnderTheThrowAwayKeyOpensToTheSameBytes() throws Exception {
        assertThat(CryptoWarmUp.aesGcmRoundTrips(CryptoWarmUp.ROUNDS)).isEqualTo(CryptoWarmUp.ROUNDS);
    }

    @Test
    void sha256GivesThePublishedHashAfterTheWarmUp() throws Exception {
        assertThat(CryptoWarmUp.sha256Digests(CryptoWarmUp.ROUNDS)).isEqualTo(CryptoWarmUp.ROUNDS);
    }
}
