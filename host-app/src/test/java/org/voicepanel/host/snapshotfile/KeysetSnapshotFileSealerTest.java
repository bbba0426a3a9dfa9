package org.voicepanel.host.snapshotfile;

import org.voicepanel.host.keys.PanelKeysets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.voicepanel.api.BackupException;

class KeysetSnapshotFileSealerTest {

    private static final int MIB = 1024 * 1024;
    /** Tink's ciphertext segment (AES256_GCM_HKDF_1MB). */
    private static final int SEGMENT = MIB;

    private final KeysetSnapshotFileSealer sealer = new KeysetSnapshotFileSealer(Payloads.newKeysets());

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 100, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 300_000})
    void randomPayloadsOfAnySizeComeBackUnchanged(int length) throws IOException {
        byte[] payload = Payloads.bytes(Payloads.random(length, length));

        byte[] sealed = Payloads.seal(sealer, payload);

        assertThat(Payloads.unseal(sealer, sealed)).isEqualTo(payload);
    }

    @Test
    void payloadSpanningManySegmentsComesBackUnchanged() throws IOException {
        byte[] payload = Payloads.bytes(Payloads.random(5 * SEGMENT + 17, 5));

        byte[] sealed = Payloads.seal(sealer, payload);

        assertThat(sealed.length).isGreaterThan(SealedFileHeader.LENGTH + 5 * SEGMENT);
        assertThat(Payloads.unseal(sealer, sealed)).isEqualTo(payload);
    }

    @Test
    void twentyMegabytePayloadComesBackUnchangedThroughFiles() throws IOException {
        long length = 20L * MIB;
        Path sealed = dir.resolve("snapshot.sealed");

        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(sealed))) {
            sealer.seal(Payloads.text(length, 20), out);
        }
        DigestOutputStream unsealed = Payloads.digestingNothing();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(sealed))) {
            sealer.unseal(in, unsealed);
        }

        assertThat(unsealed.getMessageDigest().digest()).isEqualTo(Payloads.sha256(Payloads.text(length, 20)));
        assertThat(Files.size(sealed)).isLessThan(length);
    }

    @Test
    void sealedFileIsSmallerThanACompressiblePayload() throws IOException {
        byte[] payload = "virtualserver_name=My\\sServer|channel_name=Lobby ".repeat(2000)
                .getBytes(StandardCharsets.UTF_8);

        byte[] sealed = Payloads.seal(sealer, payload);

        assertThat(sealed.length).isLessThan(payload.length / 10);
    }

    @Test
    void sealingTheSamePayloadTwiceGivesDifferentFiles() throws IOException {
        byte[] payload = "the same snapshot".getBytes(StandardCharsets.UTF_8);

        byte[] first = Payloads.seal(sealer, payload);
        byte[] second = Payloads.seal(sealer, payload);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOfRange(first, SealedFileHeader.LENGTH, first.length))
                .isNotEqualTo(Arrays.copyOfRange(second, SealedFileHeader.LENGTH, second.length));
        assertThat(Payloads.unseal(sealer, first)).isEqualTo(Payloads.unseal(sealer, second)).isEqualTo(payload);
    }

    @Test
    void oneSealerServesManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int seed = i;
                results.add(pool.submit(() -> {
                    byte[] payload = Payloads.bytes(Payloads.random(150_000 + seed, seed));
                    return Arrays.equals(payload, Payloads.unseal(sealer, Payloads.seal(sealer, payload)));
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void payloadOverTheLimitIsRefusedWhenSealing() {
        KeysetSnapshotFileSealer small = new KeysetSnapshotFileSealer(Payloads.newKeysets(), MIB);

        assertThatThrownBy(() -> small.seal(Payloads.text(MIB + 1, 1), OutputStream.nullOutputStream()))
                .isInstanceOfSatisfying(BackupException.class,
                        e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.PAYLOAD_TOO_LARGE));
    }

    @Test
    void decompressionBombStopsAtTheLimit() throws IOException {
        PanelKeysets key = Payloads.newKeysets();
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        new KeysetSnapshotFileSealer(key).seal(Payloads.zeros(64L * MIB), sealed);
        byte[] bomb = sealed.toByteArray();
        KeysetSnapshotFileSealer strict = new KeysetSnapshotFileSealer(key, MIB);
        CountingOutputStream unpacked = new CountingOutputStream();

        assertThat(bomb.length).isLessThan(MIB);
        assertThatThrownBy(() -> strict.unseal(new ByteArrayInputStream(bomb), unpacked))
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BackupException.Reason.PAYLOAD_TOO_LARGE);
                    assertThat(e.getMessage()).contains("larger than the panel handles");
                });
        assertThat(unpacked.count).isLessThanOrEqualTo(MIB);
    }

    @Test
    void sealWritesTheFileWhileThePayloadIsStillBeingRead() throws IOException {
        long length = 8L * MIB;
        CountingInputStream payload = new CountingInputStream(Payloads.random(length, 3));
        CountingOutputStream sealed = new CountingOutputStream();
        sealed.onFirstWriteAfter(SealedFileHeader.LENGTH, () -> payload.count);

        sealer.seal(payload, sealed);

        assertThat(sealed.readWhenWritingBegan).isLessThan(MIB);
    }

    @Test
    void unsealWritesThePayloadWhileTheFileIsStillBeingRead() throws IOException {
        Path file = dir.resolve("snapshot.sealed");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            sealer.seal(Payloads.random(8L * MIB, 4), out);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            CountingInputStream sealed = new CountingInputStream(in);
            CountingOutputStream payload = new CountingOutputStream();
            payload.onFirstWriteAfter(0, () -> sealed.count);

            sealer.unseal(sealed, payload);

            // a segment (1 MiB) is read whole before its bytes are known to be authentic, not the whole file
            assertThat(payload.readWhenWritingBegan).isLessThan(SEGMENT + MIB / 2);
            assertThat(payload.count).isEqualTo(8L * MIB);
        }
    }

    /** Both directions stream: the 64 MiB payload only ever exists as a generator and a file. */
    @Test
    void sixtyFourMegabytePayloadRoundTripsAsStreams() throws IOException {
        long length = 64L * MIB;
        Path file = dir.resolve("big.sealed");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            sealer.seal(Payloads.random(length, 64), out);
        }
        DigestOutputStream payload = Payloads.digestingNothing();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            sealer.unseal(in, payload);
        }

        assertThat(payload.getMessageDigest().digest()).isEqualTo(Payloads.sha256(Payloads.random(length, 64)));
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b == -1 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }

    /** Counts what is written and notes, once past {@code threshold} bytes, how much the other side had read. */
    private static final class CountingOutputStream extends OutputStream {
        long count;
        long readWhenWritingBegan = -1;
        private long threshold = Long.MAX_VALUE;
        private LongSupplier read = () -> -1;

        void onFirstWriteAfter(long threshold, LongSupplier read) {
            this.threshold = threshold;
            this.read = read;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
            if (count > threshold && readWhenWritingBegan < 0) {
                readWhenWritingBegan = read.getAsLong();
            }
        }
    }
}
