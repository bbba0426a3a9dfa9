package org.voicepanel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.SnapshotFileResealer.Outcome;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.api.testing.TestSnapshotFileSealer;
import org.voicepanel.store.testing.MutableClock;
import org.voicepanel.store.testing.TestBytes;
import org.voicepanel.store.testing.TestDatabase;

/** Re-sealing stored files with a rotated key, on small chunks so that a file spans many of them. */
class SnapshotResealTest {

    private static final int CHUNK = 64 * 1024;
    /** Test sealer overhead: magic, key-name length, key name (3 letters for "old"), HMAC. */
    private static final int OLD_OVERHEAD = 8 + 1 + 3 + 32;

    private final DataSource dataSource = TestDatabase.dataSource("storetest");
    private final Jdbi jdbi = Jdbi.create(dataSource);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T23:00:00Z"));
    private final SnapshotStore beforeRotation = store(new TestSnapshotFileSealer("old"));
    private final SnapshotStore rotated = store(new TestSnapshotFileSealer("new-key", "old"));
    private final SnapshotStore oldKeyRetired = store(new TestSnapshotFileSealer("new-key"));
    private final long serviceId = TestDatabase.newServiceId();

    @Test
    void multiChunkSnapshotIsResealedSoThatItOpensAfterTheOldKeyIsRetired() throws Exception {
        // exactly 4 chunks under the old key; the longer key name pushes the new file into a fifth
        byte[] payload = TestBytes.randomText(4 * CHUNK - OLD_OVERHEAD);
        long id = beforeRotation.save(created(), new ByteArrayInputStream(payload));
        assertThat(chunkSeqs(id)).containsExactly(0, 1, 2, 3);

        assertThat(rotated.resealer().reseal(serviceId, id)).isEqualTo(Outcome.RESEALED);

        StoredSnapshot resealed = oldKeyRetired.find(serviceId, id).orElseThrow();
        assertThat(chunkSeqs(id)).containsExactly(0, 1, 2, 3, 4);
        assertThat(resealed.chunkCount()).isEqualTo(5);
        byte[] file;
        try (InputStream in = oldKeyRetired.openSealed(resealed)) {
            file = in.readAllBytes();
        }
        // the listed size and SHA-256 describe what a download now gets
        assertThat((long) file.length).isEqualTo(resealed.size());
        assertThat(TestBytes.sha256(file)).isEqualTo(resealed.sha256());
        assertThat(new String(file, 9, 7, StandardCharsets.US_ASCII)).isEqualTo("new-key");
        assertThat(unseal(oldKeyRetired, resealed)).isEqualTo(payload);
        assertThat(resealed.toInfo().createdAt()).isEqualTo(clock.instant());

        assertThat(rotated.resealer().reseal(serviceId, id)).isEqualTo(Outcome.CURRENT);
        assertThat(oldKeyRetired.find(serviceId, id).orElseThrow()).isEqualTo(resealed);
    }

    @Test
    void failureHalfWayLeavesTheSnapshotWholeUnderItsOldKeyAndARerunFinishesIt() throws Exception {
        byte[] payload = TestBytes.randomText(10 * CHUNK + 123);
        long id = beforeRotation.save(created(), new ByteArrayInputStream(payload));
        StoredSnapshot before = beforeRotation.find(serviceId, id).orElseThrow();
        SnapshotStore breaksHalfWay = store(new BreaksAfter(new TestSnapshotFileSealer("new-key", "old"), 5 * CHUNK));

        assertThatThrownBy(() -> breaksHalfWay.resealer().reseal(serviceId, id)).hasMessage("the disk went away");

        assertThat(beforeRotation.find(serviceId, id)).contains(before);
        assertThat(chunkSeqs(id)).hasSize(before.chunkCount()).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, before.chunkCount()).boxed().toList());
        assertThat(unseal(beforeRotation, before)).isEqualTo(payload);

        assertThat(rotated.resealer().reseal(serviceId, id)).isEqualTo(Outcome.RESEALED);
        assertThat(unseal(oldKeyRetired, oldKeyRetired.find(serviceId, id).orElseThrow())).isEqualTo(payload);
    }

    @Test
    void fileThatDoesNotOpenIsNotResealedAndStaysAsItWas() throws Exception {
        long id = beforeRotation.save(created(), new ByteArrayInputStream(TestBytes.randomText(3 * CHUNK)));
        // one byte of a middle chunk altered, its length kept: only the end of the file tells
        jdbi.useHandle(h -> h.execute("UPDATE storetest_snapshot_chunk SET data = CONCAT(LEFT(data, 100), 'Z',"
                + " SUBSTRING(data, 102)) WHERE snapshot_id = ? AND seq = 2", id));
        StoredSnapshot damaged = beforeRotation.find(serviceId, id).orElseThrow();

        assertThatThrownBy(() -> rotated.resealer().reseal(serviceId, id)).isInstanceOf(DamagedSnapshotException.class);

        assertThat(beforeRotation.find(serviceId, id)).contains(damaged);
        assertThat(chunkSeqs(id)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void fileOfARemovedKeyFailsAsInvalid() throws IOException {
        long id = store(new TestSnapshotFileSealer("gone")).save(created(), new ByteArrayInputStream(TestBytes.randomText(99)));

        assertThatThrownBy(() -> rotated.resealer().reseal(serviceId, id)).isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.SNAPSHOT_FILE_INVALID));
        assertThat(chunkSeqs(id)).containsExactly(0);
    }

    @Test
    void readerThatSpansAResealFailsAsDamagedInsteadOfMixingTwoFiles() throws Exception {
        long id = beforeRotation.save(created(), new ByteArrayInputStream(TestBytes.randomText(4 * CHUNK)));
        StoredSnapshot listed = beforeRotation.find(serviceId, id).orElseThrow();
        try (InputStream download = beforeRotation.openSealed(listed)) {
            assertThat(download.readNBytes(CHUNK + 10)).hasSize(CHUNK + 10);

            assertThat(rotated.resealer().reseal(serviceId, id)).isEqualTo(Outcome.RESEALED);

            assertThatThrownBy(download::readAllBytes).isInstanceOf(DamagedSnapshotException.class)
                    .hasMessageContaining("re-sealed");
        }
    }

    @Test
    void missingSnapshotIsGoneAndTheResealerListsTheServicesSnapshots() throws IOException {
        long first = beforeRotation.save(created(), new ByteArrayInputStream(TestBytes.randomText(10)));
        long second = beforeRotation.save(created(), new ByteArrayInputStream(TestBytes.randomText(20)));

        assertThat(rotated.resealer().snapshotIds(serviceId)).containsExactly(first, second);
        assertThat(rotated.resealer().reseal(TestDatabase.newServiceId(), first)).isEqualTo(Outcome.GONE);
        assertThat(rotated.resealer().reseal(serviceId, second)).isEqualTo(Outcome.RESEALED);
    }

    private SnapshotStore store(SnapshotFileSealer sealer) {
        return new SnapshotStore(Jdbi.create(dataSource), sealer, clock, "storetest", CHUNK);
    }

    private SnapshotStore.NewSnapshot created() {
        return new SnapshotStore.NewSnapshot(serviceId, SnapshotOrigin.CREATED, "admin", "v3");
    }

    private List<Integer> chunkSeqs(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq FROM storetest_snapshot_chunk WHERE snapshot_id = :id"
                + " ORDER BY seq").bind("id", id).mapTo(Integer.class).list());
    }

    private static byte[] unseal(SnapshotStore store, StoredSnapshot snapshot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.unseal(snapshot, out);
        return out.toByteArray();
    }

    /** Seals through the real sealer, failing once {@code limit} sealed bytes were written: a crash half-way. */
    private static final class BreaksAfter implements SnapshotFileSealer {
        private final SnapshotFileSealer real;
        private final int limit;

        BreaksAfter(SnapshotFileSealer real, int limit) {
            this.real = real;
            this.limit = limit;
        }

        @Override
        public void seal(InputStream payload, OutputStream sealed) throws IOException {
            real.seal(payload, new OutputStream() {
                private int written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    if (written + length > limit) {
                        throw new IOException("the disk went away");
                    }
                    written += length;
                    sealed.write(bytes, offset, length);
                }
            });
        }

        @Override
        public void unseal(InputStream sealed, OutputStream payload) throws IOException {
            real.unseal(sealed, payload);
        }

        @Override
        public boolean sealedWithCurrentKey(InputStream sealedStart) throws IOException {
            return real.sealedWithCurrentKey(sealedStart);
        }
    }
}
