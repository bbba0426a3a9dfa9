package org.voicepanel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.SnapshotDownload;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.api.testing.TestSnapshotFileSealer;
import org.voicepanel.store.testing.MutableClock;
import org.voicepanel.store.testing.TestBytes;
import org.voicepanel.store.testing.TestDatabase;

/**
 * Reading a stored file back on a real MariaDB: a download streams it only to its service, and a file damaged in the
 * database is refused before it has left whole.
 */
class SnapshotDownloadTest {

    private final DataSource dataSource = TestDatabase.dataSource("storetest");
    private final Jdbi jdbi = Jdbi.create(dataSource);
    private final SnapshotStore store = new SnapshotStore(dataSource, new TestSnapshotFileSealer(),
            new MutableClock(Instant.parse("2026-11-23T23:31:08Z")), "storetest");
    private final long serviceId = TestDatabase.newServiceId();

    @Test
    void chunkAlteredInTheDatabaseIsDetectedWhenRead() throws IOException {
        long id = store.save(created(), new ByteArrayInputStream(TestBytes.randomText(1024 * 1024 + 5)));
        jdbi.useHandle(h -> h.execute("UPDATE storetest_snapshot_chunk SET data = CONCAT(data, 'x') WHERE snapshot_id = ?"
                + " AND seq = 1", id));
        StoredSnapshot stored = store.find(serviceId, id).orElseThrow();

        assertThatThrownBy(() -> {
            try (InputStream in = store.openSealed(stored)) {
                in.readAllBytes();
            }
        }).isInstanceOf(DamagedSnapshotException.class);
        assertThatThrownBy(() -> {
            try (InputStream in = store.openSealed(stored)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }).isInstanceOf(DamagedSnapshotException.class);
    }

    @Test
    void downloadStreamsTheSealedFileOfOneOrManyChunksOnlyToItsService() throws Exception {
        byte[] small = TestBytes.randomText(1000);
        byte[] large = TestBytes.randomText(2 * 1024 * 1024 + 7);
        long smallId = store.save(created(), new ByteArrayInputStream(small));
        long largeId = store.save(created(), new ByteArrayInputStream(large));

        for (long id : new long[] {smallId, largeId}) {
            SnapshotDownload download = store.download(serviceId, id, "test type").orElseThrow();
            StoredSnapshot stored = store.find(serviceId, id).orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            download.writeTo(out);
            assertThat(download.size()).isEqualTo(out.size()).isEqualTo(stored.size());
            assertThat(TestBytes.sha256(out.toByteArray())).isEqualTo(stored.sha256());
            assertThat(download.fileName())
                    .isEqualTo("test_type-service-" + serviceId + "-snapshot-" + id + ".vpsnap");
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            download.writeTo(again);
            assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
        }
        // the small file's row was written whole with its one chunk, the large one's completed after its chunks
        assertThat(store.find(serviceId, smallId).orElseThrow().chunkCount()).isEqualTo(1);
        assertThat(store.find(serviceId, largeId).orElseThrow().chunkCount()).isEqualTo(3);
        assertThat(store.download(TestDatabase.newServiceId(), smallId, "test")).isEmpty();
        assertThat(store.download(serviceId, largeId + 1000, "test")).isEmpty();
    }

    @Test
    void aDamagedFileNeverLeavesWhole() throws IOException {
        for (int size : new int[] {1000, 2 * 1024 * 1024 + 7}) {
            long id = store.save(created(), new ByteArrayInputStream(TestBytes.randomText(size)));
            // same length, one byte changed in the last chunk: only the hash can tell
            jdbi.useHandle(h -> h.execute("UPDATE storetest_snapshot_chunk SET data = CONCAT(LEFT(data, LENGTH(data) - 1),"
                    + " IF(RIGHT(data, 1) = 'a', 'b', 'a')) WHERE snapshot_id = ? AND seq = (SELECT MAX(seq)"
                    + " FROM (SELECT seq FROM storetest_snapshot_chunk WHERE snapshot_id = ?) last)", id, id));
            StoredSnapshot stored = store.find(serviceId, id).orElseThrow();

            ByteArrayOutputStream written = new ByteArrayOutputStream();
            SnapshotDownload download = store.download(serviceId, id, "test").orElseThrow();
            assertThatThrownBy(() -> download.writeTo(written)).isInstanceOf(DamagedSnapshotException.class);
            assertThat(written.size()).isLessThan((int) stored.size());
            if (size <= ChunkReader.SLICE) {
                assertThat(written.size()).as("a file of one slice fails before its first byte").isZero();
            }

            ByteArrayOutputStream read = new ByteArrayOutputStream();
            assertThatThrownBy(() -> {
                try (InputStream in = store.openSealed(stored)) {
                    byte[] buffer = new byte[4096];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        read.write(buffer, 0, n);
                    }
                }
            }).isInstanceOf(DamagedSnapshotException.class);
            assertThat(read.size()).isLessThan((int) stored.size());
        }
    }

    @Test
    void downloadOfAFileWhoseFirstChunkIsGoneFailsAsDamaged() throws IOException {
        long id = store.save(created(), new ByteArrayInputStream(TestBytes.randomText(1000)));
        jdbi.useHandle(h -> h.execute("DELETE FROM storetest_snapshot_chunk WHERE snapshot_id = ?", id));

        SnapshotDownload download = store.download(serviceId, id, "test").orElseThrow();
        assertThatThrownBy(() -> download.writeTo(OutputStream.nullOutputStream()))
                .isInstanceOf(DamagedSnapshotException.class);
    }

    private SnapshotStore.NewSnapshot created() {
        return new SnapshotStore.NewSnapshot(serviceId, SnapshotOrigin.CREATED, "admin", "v3");
    }
}
