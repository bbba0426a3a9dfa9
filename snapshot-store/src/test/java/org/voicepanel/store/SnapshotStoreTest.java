package org.voicepanel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.api.testing.TestSnapshotFileSealer;
import org.voicepanel.store.testing.MutableClock;
import org.voicepanel.store.testing.TestBytes;
import org.voicepanel.store.testing.TestDatabase;

class SnapshotStoreTest {

    private static final Instant START = Instant.parse("2026-11-23T23:31:08.123456789Z");

    private final DataSource dataSource = TestDatabase.dataSource("storetest");
    private final Jdbi jdbi = Jdbi.create(dataSource);
    private final MutableClock clock = new MutableClock(START);
    private final TestSnapshotFileSealer sealer = new TestSnapshotFileSealer();
    private final SnapshotStore store = new SnapshotStore(dataSource, sealer, clock, "storetest");
    private final long serviceId = TestDatabase.newServiceId();

    @Test
    void multiMegabyteSnapshotRoundTripsInChunksOfAtMostOneMebibyte() throws Exception {
        byte[] payload = TestBytes.randomText(5 * 1024 * 1024 + 12345);
        byte[] sealed = seal(payload);

        long id = store.save(created(), new ByteArrayInputStream(payload));

        StoredSnapshot stored = store.find(serviceId, id).orElseThrow();
        assertThat(stored.size()).isEqualTo(sealed.length);
        assertThat(stored.sha256()).isEqualTo(TestBytes.sha256(sealed));
        assertThat(stored.chunkCount()).isEqualTo(6);
        List<Map<String, Object>> chunks = jdbi.withHandle(h -> h.createQuery(
                "SELECT seq, LENGTH(data) AS length FROM storetest_snapshot_chunk WHERE snapshot_id = :id ORDER BY seq")
                .bind("id", id).mapToMap().list());
        assertThat(chunks).hasSize(6);
        assertThat(chunks).allSatisfy(chunk -> assertThat(((Number) chunk.get("length")).longValue())
                .isLessThanOrEqualTo(SnapshotStore.CHUNK_SIZE));
        try (InputStream in = store.openSealed(stored)) {
            assertThat(in.readAllBytes()).isEqualTo(sealed);
        }
        ByteArrayOutputStream transferred = new ByteArrayOutputStream();
        try (InputStream in = store.openSealed(stored)) {
            in.read(new byte[100]); // a partly read chunk is handed on from where the reader stands
            assertThat(in.transferTo(transferred)).isEqualTo(sealed.length - 100);
        }
        assertThat(transferred.toByteArray()).isEqualTo(Arrays.copyOfRange(sealed, 100, sealed.length));
        ByteArrayOutputStream unsealed = new ByteArrayOutputStream();
        store.unseal(stored, unsealed);
        assertThat(unsealed.toByteArray()).isEqualTo(payload);
    }

    @Test
    void keepsOriginCreatorFormatAndTimeInUtcToTheMillisecond() throws IOException {
        long id = store.save(new SnapshotStore.NewSnapshot(serviceId, SnapshotOrigin.UPLOADED, "alice",
                "legacy"), text("hash=x|y"));

        StoredSnapshot stored = store.find(serviceId, id).orElseThrow();
        assertThat(stored.createdAt()).isEqualTo(Instant.parse("2026-11-23T23:31:08.123Z"));
        assertThat(stored.origin()).isEqualTo(SnapshotOrigin.UPLOADED);
        assertThat(stored.createdBy()).isEqualTo("alice");
        assertThat(stored.format()).isEqualTo("legacy");
        assertThat(stored.toInfo().snapshotId()).isEqualTo(id);
    }

    @Test
    void listsTheServicesSnapshotsNewestFirst() throws IOException {
        long first = store.save(created(), text("one"));
        clock.advance(Duration.ofMinutes(1));
        long second = store.save(created(), text("two"));
        clock.advance(Duration.ofMinutes(1));
        long third = store.save(created(), text("three"));
        store.save(new SnapshotStore.NewSnapshot(TestDatabase.newServiceId(), SnapshotOrigin.CREATED, "bob",
                "v3"), text("other service"));

        assertThat(store.list(serviceId)).extracting(StoredSnapshot::id).containsExactly(third, second, first);
    }

    @Test
    void deleteRemovesTheSnapshotAndAllItsChunks() throws IOException {
        long id = store.save(created(), new ByteArrayInputStream(TestBytes.randomText(3 * 1024 * 1024)));
        assertThat(chunkRows(id)).isEqualTo(4); // the seal adds a few bytes, so a fourth chunk begins

        assertThat(store.delete(serviceId, id)).isTrue();

        assertThat(store.find(serviceId, id)).isEmpty();
        assertThat(chunkRows(id)).isZero();
        assertThat(store.delete(serviceId, id)).isFalse();
    }

    @Test
    void snapshotOfAnotherServiceIsNotFound() throws IOException {
        long id = store.save(created(), text("mine"));
        long otherService = TestDatabase.newServiceId();

        assertThat(store.find(otherService, id)).isEmpty();
        assertThat(store.list(otherService)).isEmpty();
        assertThat(store.delete(otherService, id)).isFalse();
        assertThat(store.find(serviceId, id)).isPresent();
    }

    @Test
    void failureMidInsertLeavesNothing() {
        SnapshotFileSealer failingHalfway = new SnapshotFileSealer() {
            @Override
            public void seal(InputStream payload, OutputStream sealed) throws IOException {
                sealed.write(new byte[3 * 1024 * 1024 + 10]);
                throw new IOException("sealing broke half-way");
            }

            @Override
            public void unseal(InputStream sealed, OutputStream payload) {
                throw new UnsupportedOperationException();
            }
        };
        SnapshotStore failing = new SnapshotStore(dataSource, failingHalfway, clock, "storetest");
        long before = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM storetest_snapshot_chunk")
                .mapTo(Long.class).one());

        assertThatThrownBy(() -> failing.save(created(), text("payload"))).hasMessage("sealing broke half-way");

        assertThat(store.list(serviceId)).isEmpty();
        long after = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM storetest_snapshot_chunk")
                .mapTo(Long.class).one());
        assertThat(after).isLessThanOrEqualTo(before);
    }

    @Test
    void payloadStreamFailureLeavesNothing() {
        InputStream breaksAfterTwoMebibytes = new InputStream() {
            private long served;

            @Override
            public int read() throws IOException {
                if (served++ > 2 * 1024 * 1024) {
                    throw new IOException("upload spool unreadable");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.save(created(), breaksAfterTwoMebibytes))
                .hasMessage("upload spool unreadable");

        assertThat(store.list(serviceId)).isEmpty();
    }

    @Test
    void unreachableDatabaseIsReportedAsStorageUnavailable() throws SQLException {
        MariaDbDataSource nowhere = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:1/none?connectTimeout=2000");
        SnapshotStore unreachable = new SnapshotStore(nowhere, sealer, clock, "storetest");

        assertThatThrownBy(() -> unreachable.list(serviceId))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason())
                        .isEqualTo(BackupException.Reason.STORAGE_UNAVAILABLE))
                .hasMessageNotContaining("jdbc");
        assertThatThrownBy(() -> unreachable.save(created(), text("x")))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason())
                        .isEqualTo(BackupException.Reason.STORAGE_UNAVAILABLE));
        assertThatThrownBy(() -> unreachable.delete(serviceId, 1))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason())
                        .isEqualTo(BackupException.Reason.STORAGE_UNAVAILABLE));
    }

    private SnapshotStore.NewSnapshot created() {
        return new SnapshotStore.NewSnapshot(serviceId, SnapshotOrigin.CREATED, "admin", "v3");
    }

    private long chunkRows(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM storetest_snapshot_chunk WHERE snapshot_id = :id")
                .bind("id", id).mapTo(Long.class).one());
    }

    private byte[] seal(byte[] payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sealer.seal(new ByteArrayInputStream(payload), out);
        return out.toByteArray();
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
