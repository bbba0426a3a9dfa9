package org.voicepanel.host.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditWriterTest {

    private final List<List<Long>> batches = Collections.synchronizedList(new ArrayList<>());
    private AuditWriter writer;

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    void writesEveryEntryInOrderInBatchesOfAtMostTheBatchSize() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        writer = new AuditWriter(recording(release), Duration.ZERO);
        for (long i = 1; i <= 250; i++) {
            writer.submit(entry(i));
        }
        release.countDown();

        assertThat(writer.awaitQueued(Duration.ofSeconds(10))).isTrue();
        assertThat(written()).containsExactlyElementsOf(IntStream.rangeClosed(1, 250).mapToObj(i -> (long) i).toList());
        // the first entry went alone; the rest queued behind the held write and went together
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(AuditWriter.BATCH));
        assertThat(batches.size()).isLessThan(10);
    }

    @Test
    void aReaderWaitsUntilWhatWasQueuedBeforeItIsWritten() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        writer = new AuditWriter(recording(release), Duration.ZERO);
        writer.submit(entry(1));
        writer.submit(entry(2));

        assertThat(writer.awaitQueued(Duration.ofMillis(200))).isFalse();
        release.countDown();
        assertThat(writer.awaitQueued(Duration.ofSeconds(10))).isTrue();
        assertThat(written()).containsExactly(1L, 2L);
    }

    @Test
    void entriesThatComeWhileTheFirstWaitsShareItsStatementAndAReaderEndsTheWait() throws Exception {
        writer = new AuditWriter(recording(new CountDownLatch(0)), Duration.ofMinutes(1));
        writer.submit(entry(1));
        Thread.sleep(50); // the writer has most likely taken the first entry and waits for more
        writer.submit(entry(2));
        writer.submit(entry(3));

        // far less than the minute's pause: the reader's wait cut it short
        assertThat(writer.awaitQueued(Duration.ofSeconds(10))).isTrue();
        assertThat(batches).containsExactly(List.of(1L, 2L, 3L));
    }

    @Test
    void aFullQueueMakesTheRequestWriteItsEntryItself() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> writers = Collections.synchronizedList(new ArrayList<>());
        writer = new AuditWriter(entries -> {
            writers.add(Thread.currentThread().getName());
            recording(release).accept(entries);
        }, Duration.ZERO);
        writer.submit(entry(0)); // held in the writer's sink
        while (writers.isEmpty()) {
            Thread.sleep(1);
        }
        for (long i = 1; i <= AuditWriter.CAPACITY; i++) {
            writer.submit(entry(i));
        }
        Thread spill = new Thread(() -> writer.submit(entry(-1)), "request");
        spill.start();
        // the queue is full: the request's own thread writes (and waits in the sink as the writer does)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!writers.contains("request") && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        release.countDown();
        spill.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(writer.awaitQueued(Duration.ofSeconds(10))).isTrue();
        assertThat(writers).contains("request");
        assertThat(written()).hasSize(AuditWriter.CAPACITY + 2).contains(-1L);
    }

    @Test
    void closingWritesWhatIsQueuedAndLaterEntriesAreWrittenByTheirRequests() {
        CountDownLatch release = new CountDownLatch(1);
        writer = new AuditWriter(recording(release), Duration.ZERO);
        for (long i = 1; i <= 10; i++) {
            writer.submit(entry(i));
        }
        release.countDown();
        writer.close();
        assertThat(written()).hasSize(10);

        writer.submit(entry(11));
        assertThat(written()).hasSize(11).endsWith(11L);
    }

    @Test
    void aFailedWriteDoesNotStopTheWriter() throws Exception {
        List<Long> kept = Collections.synchronizedList(new ArrayList<>());
        writer = new AuditWriter(entries -> {
            if (entries.stream().anyMatch(e -> e.snapshotId() == 1L)) {
                throw new IllegalStateException("the database is gone");
            }
            entries.forEach(e -> kept.add(e.snapshotId()));
        }, Duration.ZERO);
        writer.submit(entry(1));
        assertThat(writer.awaitQueued(Duration.ofSeconds(10))).isTrue();
        writer.submit(entry(2));
        assertThat(writer.awaitQueued(Duration.ofSeconds(10))).isTrue();
        assertThat(kept).containsExactly(2L);
    }

    /** A sink that records each batch's snapshot ids, the first write held until {@code release}. */
    private Consumer<List<AuditEntry>> recording(CountDownLatch release) {
        return entries -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(entries.stream().map(AuditEntry::snapshotId).toList());
        };
    }

    private List<Long> written() {
        synchronized (batches) {
            return batches.stream().flatMap(List::stream).toList();
        }
    }

    private static AuditEntry entry(long snapshotId) {
        return new AuditEntry(0, Instant.EPOCH, 7L, 2, "alice", "backup", "download", "Snapshot downloaded.",
                "success", null, 200, snapshotId, "127.0.0.1", "token", 1);
    }
}
