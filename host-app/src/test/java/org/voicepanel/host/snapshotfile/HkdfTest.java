package org.voicepanel.host.snapshotfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HkdfTest {

    @Test
    void matchesTheFirstBlockOfRfc5869TestCase1() {
        HexFormat hex = HexFormat.of();
        byte[] inputKey = new byte[22];
        Arrays.fill(inputKey, (byte) 0x0b);
        byte[] salt = hex.parseHex("000102030405060708090a0b0c");
        byte[] info = hex.parseHex("f0f1f2f3f4f5f6f7f8f9");

        byte[] output = Hkdf.sha256(inputKey, salt, info);

        assertThat(hex.formatHex(output)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
    }
}
