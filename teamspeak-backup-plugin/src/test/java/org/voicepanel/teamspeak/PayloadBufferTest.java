package org.voicepanel.teamspeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.voicepanel.teamspeak.snapshot.SnapshotRejectedException;

class PayloadBufferTest {

    @Test
    void keepsEveryByteWhenItGrowsPastTheFirstGuess() {
        PayloadBuffer buffer = new PayloadBuffer(1 << 20, 1024);
        byte[] block = new byte[700];
        for (int i = 0; i < 10; i++) {
            Arrays.fill(block, (byte) i);
            buffer.write(block, 0, block.length);
        }

        assertThat(buffer.size()).isEqualTo(7000);
        for (int i = 0; i < 10; i++) {
            assertThat(buffer.array()[i * 700]).isEqualTo((byte) i);
            assertThat(buffer.array()[i * 700 + 699]).isEqualTo((byte) i);
        }
        // half again each time from 1024 (1536, 2304, 3456, 5184, 7776): never doubled
        assertThat(buffer.array().length).isEqualTo(7776);
    }

    @Test
    void neverGrowsPastItsLimit() {
        PayloadBuffer buffer = new PayloadBuffer(5000, 4000);
        buffer.write(new byte[4500], 0, 4500);

        assertThat(buffer.array().length).isEqualTo(5000);
        buffer.write(new byte[500], 0, 500);
        assertThat(buffer.size()).isEqualTo(5000);
    }

    @Test
    void refusesAPayloadOverItsLimitAndSaysTheLimit() {
        PayloadBuffer buffer = new PayloadBuffer(2048, 1024);
        buffer.write(new byte[2048], 0, 2048);

        assertThatThrownBy(() -> buffer.write(0)).isInstanceOf(SnapshotRejectedException.class)
                .hasMessageContaining("larger than the");
        assertThat(buffer.size()).isEqualTo(2048);
    }
}
