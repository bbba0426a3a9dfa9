package org.voicepanel.teamspeak.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StrictUtf8StreamTest {

    @Test
    void sequencesCutBetweenReadsPassUnchanged() throws IOException {
        byte[] text = "Grüße, 世界 and 🎧".getBytes(StandardCharsets.UTF_8);
        // one byte per read: every multi-byte sequence is cut
        InputStream oneByteAtATime = new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < text.length ? text[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int next = read();
                if (next < 0) {
                    return -1;
                }
                b[off] = (byte) next;
                return 1;
            }
        };

        assertThat(new StrictUtf8Stream(oneByteAtATime).readAllBytes()).isEqualTo(text);
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {"C0 AF" /* overlong slash */, "ED A0 80" /* surrogate */, "F4 90 80 80" /* past U+10FFFF */,
            "E4 B8" /* cut at the end */, "E4 B8 62" /* cut by ASCII */, "FF", "80"})
    void refusesWhatIsNotUtf8(String hex) {
        assertThatThrownBy(() -> new StrictUtf8Stream(new ByteArrayInputStream(bytes("61 " + hex))).readAllBytes())
                .isInstanceOf(SnapshotRejectedException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void refusesC1ControlCharacters() {
        assertThatThrownBy(() -> new StrictUtf8Stream(new ByteArrayInputStream(bytes("61 C2 85 62"))).readAllBytes())
                .isInstanceOf(SnapshotRejectedException.class).hasMessageContaining("control character");
    }

    private static byte[] bytes(String hex) {
        String[] parts = hex.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }
}
