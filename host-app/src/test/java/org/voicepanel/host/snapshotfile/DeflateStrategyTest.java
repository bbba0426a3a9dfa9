package org.voicepanel.host.snapshotfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class DeflateStrategyTest {

    @Test
    void base64OfCompressedDataIsOnlyHuffmanCoded() {
        byte[] compressed = new byte[48 * 1024];
        new Random(7).nextBytes(compressed);
        byte[] sample = ("version=3 data=" + Base64.getEncoder().encodeToString(compressed))
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(DeflateStrategy.of(sample)).isEqualTo(Deflater.HUFFMAN_ONLY);
    }

    @Test
    void textWithRepeatsGetsTheFullSearch() {
        StringBuilder legacy = new StringBuilder();
        for (int i = 0; legacy.length() < 64 * 1024; i++) {
            legacy.append("channel_name=Room\\s").append(i).append(" channel_topic=Welcome\\sto\\sthe\\sserver"
                    + " channel_codec=4 channel_codec_quality=6 channel_maxclients=-1|");
        }

        assertThat(DeflateStrategy.of(legacy.toString().getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Deflater.DEFAULT_STRATEGY);
    }

    @Test
    void anEmptyPayloadNeedsNoSearch() {
        assertThat(DeflateStrategy.of(new byte[0])).isEqualTo(Deflater.HUFFMAN_ONLY);
    }
}
