package org.voicepanel.host.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64BodyTest {

    @Test
    void encodesLikeTheJdkWhateverTheLengthAndTheSizeOfTheWrites() throws IOException {
        Random random = new Random(7);
        int[] lengths = {0, 1, 2, 3, 4, Base64Body.BLOCK - 1, Base64Body.BLOCK, Base64Body.BLOCK + 1,
                3 * Base64Body.BLOCK + 2, 1024 * 1024 + 5};
        int[] writes = {1, 7, 4096, Base64Body.BLOCK, 1024 * 1024};
        for (int length : lengths) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            for (int write : writes) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (Base64Body body = new Base64Body(out)) {
                    for (int offset = 0; offset < length; offset += write) {
                        body.write(data, offset, Math.min(write, length - offset));
                    }
                }
                assertThat(out.toString(java.nio.charset.StandardCharsets.US_ASCII))
                        .as("%d bytes written %d at a time", length, write)
                        .isEqualTo(Base64.getEncoder().encodeToString(data));
            }
        }
    }

    @Test
    void leavesTheResponseOpenAndRefusesWritesOnceClosed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the response was closed");
            }
        };
        Base64Body body = new Base64Body(out);
        body.write('a');
        body.close();
        body.close();
        assertThat(out.toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("YQ==");
        assertThatThrownBy(() -> body.write('b')).isInstanceOf(IOException.class);
    }
}
