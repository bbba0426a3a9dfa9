package org.voicepanel.host.snapshotfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CipherWarmUpTest {

    @Test
    void everySegmentSealedUnderTheThrowAwayKeyOpensToTheSameBytes() throws Exception {
        assertThat(CipherWarmUp.roundTrips(CipherWarmUp.ROUND_TRIPS)).isEqualTo(CipherWarmUp.ROUND_TRIPS);
    }
}
