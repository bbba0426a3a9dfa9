package org.voicepanel.host.backup.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.VoiceServerStatus;
import org.voicepanel.host.db.TestDatabase;

/**
 * The status cache on a real MariaDB, with two panel instances played by two caches (each its own
 * {@link StatusRows} and pool) on one database, and a voice server played by a counting supplier.
 */
class VoiceStatusCacheTest {

    private static final Duration LONG = Duration.ofHours(1);

    private final Jdbi jdbi = TestDatabase.jdbi();
    private final List<VoiceStatusCache> caches = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final CountDownLatch answer = new CountDownLatch(1);

    @AfterEach
    void stopInstances() {
        answer.countDown();
        caches.forEach(VoiceStatusCache::close);
    }

    @Test
    void manyReadsOnTwoInstancesAskTheVoiceServerOncePerInterval() throws Exception {
        VoiceStatusCache first = instance(LONG);
        VoiceStatusCache second = instance(LONG);
        long service = newService();
        Supplier<VoiceServerStatus> voiceServer = () -> {
            reads.incrementAndGet();
            return VoiceServerStatus.of("online", 32).withPort(9987);
        };

        int readers = 8;
        ExecutorService pages = Executors.newFixedThreadPool(readers);
        try {
            CyclicBarrier together = new CyclicBarrier(readers);
            List<Future<CachedStatus>> answers = new ArrayList<>();
            for (int page = 0; page < readers; page++) {
                VoiceStatusCache cache = page % 2 == 0 ? first : second;
                answers.add(pages.submit(() -> {
                    together.await();
                    return cache.status(service, voiceServer);
                }));
            }
            for (Future<CachedStatus> future : answers) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pages.shutdownNow();
        }
        CachedStatus settled = settled(second, service, voiceServer);

        assertThat(reads).as("status reads of the voice server").hasValue(1);
        assertThat(settled.status()).contains(new CachedStatus.Known("online", 32, 9987));
        assertThat(settled.readAt()).isNotNull();
        assertThat(settled.age().isNegative()).isFalse();
        for (int again = 0; again < 5; again++) {
            assertThat(first.status(service, voiceServer).status()).isPresent();
            assertThat(second.status(service, voiceServer).readAt()).isEqualTo(settled.readAt());
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void aClaimIsWonByOneInstanceAndTakenAgainOnlyOnceTheStatusIsDue() {
        StatusRows one = new StatusRows(jdbi);
        StatusRows other = new StatusRows(jdbi);
        long service = newService();

        Optional<String> won = one.claim(service, LONG, LONG);
        assertThat(won).isPresent();
        assertThat(other.claim(service, LONG, LONG)).as("while the read runs").isEmpty();
        assertThat(one.store(service, won.get(), VoiceServerStatus.of("online", 10))).isTrue();

        assertThat(other.claim(service, LONG, LONG)).as("within the interval").isEmpty();
        // an interval of zero: the status just stored is already due, and one instance claims it
        Optional<String> next = other.claim(service, Duration.ZERO, LONG);
        assertThat(next).isPresent();
        assertThat(one.claim(service, Duration.ZERO, LONG)).isEmpty();
        other.release(service, next.get());
        assertThat(one.claim(service, Duration.ZERO, LONG)).as("after the claim was given back").isPresent();
    }

    @Test
    void aReadStartedBeforeARestoreIsNotStored() {
        StatusRows rows = new StatusRows(jdbi);
        long service = newService();
        String before = rows.claim(service, LONG, LONG).orElseThrow();

        rows.expire(service);

        assertThat(rows.store(service, before, VoiceServerStatus.of("offline", 10))).isFalse();
        StatusRow row = rows.read(service).orElseThrow();
        assertThat(row.usable()).isFalse();
        assertThat(row.due(LONG)).isTrue();
        assertThat(rows.claim(service, LONG, LONG)).as("the stale status is read again").isPresent();
    }

    @Test
    void aVoiceServerThatDoesNotAnswerIsNotWaitedForAndIsCachedAsDown() throws Exception {
        VoiceStatusCache cache = instance(LONG);
        long hanging = newService();
        Supplier<VoiceServerStatus> silent = () -> {
            reads.incrementAndGet();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new BackupException(BackupException.Reason.VOICESERVER_UNAVAILABLE, "no answer");
        };

        for (int page = 0; page < 3; page++) {
            CachedStatus meanwhile = cache.status(hanging, silent);
            // answered while the one read still waits for the voice server
            assertThat(meanwhile.refreshing()).isTrue();
            assertThat(meanwhile.status()).isEmpty();
            assertThat(meanwhile.readAt()).isNull();
            assertThat(meanwhile.age()).isNull();
        }
        answer.countDown();
        CachedStatus down = settled(cache, hanging, silent);

        assertThat(down.status()).as("the voice server said nothing").isEmpty();
        assertThat(down.readAt()).as("but it was asked").isNotNull();
        assertThat(cache.status(hanging, silent).readAt()).isEqualTo(down.readAt());
        assertThat(reads).hasValue(1);
    }

    @Test
    void aRequestAfterTheFirstWaitOfAReadThatHangsIsAnsweredWithoutWaiting() throws Exception {
        long hanging = newService();
        Supplier<VoiceServerStatus> silent = () -> {
            reads.incrementAndGet();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new BackupException(BackupException.Reason.VOICESERVER_UNAVAILABLE, "no answer");
        };
        VoiceStatusCache first = instance(LONG);
        assertThat(first.status(hanging, silent).refreshing()).as("the read was started and is waited for").isTrue();
        AtomicInteger looks = new AtomicInteger();
        StatusRows counted = new StatusRows(jdbi) {
            @Override
            Optional<StatusRow> read(long serviceId) {
                looks.incrementAndGet();
                return super.read(serviceId);
            }
        };
        // another instance's wait, counted from when the read began, has run out too
        VoiceStatusCache second = new VoiceStatusCache(counted,
                new VoiceStatusProperties(LONG, Duration.ofMillis(50), LONG, 2));
        caches.add(second);

        CachedStatus later = second.status(hanging, silent);

        assertThat(later.refreshing()).isTrue();
        assertThat(later.status()).isEmpty();
        assertThat(looks).as("the row was read once and not watched").hasValue(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void expiringReadsTheStatusAgainAtOnce() throws Exception {
        VoiceStatusCache cache = instance(LONG);
        long service = newService();
        Supplier<VoiceServerStatus> voiceServer = () -> VoiceServerStatus.of("online", 10 + reads.incrementAndGet());
        assertThat(settled(cache, service, voiceServer).status().orElseThrow().slots()).isEqualTo(11);

        cache.expire(service, voiceServer);

        assertThat(settled(cache, service, voiceServer).status().orElseThrow().slots()).isEqualTo(12);
        assertThat(reads).hasValue(2);
    }

    /** Asks again, a bounded number of times, until no read is under way. */
    private static CachedStatus settled(VoiceStatusCache cache, long service, Supplier<VoiceServerStatus> ask)
            throws InterruptedException {
        for (int look = 0; look < 200; look++) {
            CachedStatus status = cache.status(service, ask);
            if (!status.refreshing()) {
                return status;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the status of service " + service + " stayed refreshing");
    }

    /** A panel instance: short waits for a first read, so a silent voice server is answered without one. */
    private VoiceStatusCache instance(Duration interval) {
        VoiceStatusCache cache = new VoiceStatusCache(new StatusRows(jdbi),
                new VoiceStatusProperties(interval, Duration.ofMillis(50), LONG, 2));
        caches.add(cache);
        return cache;
    }

    private long newService() {
        return jdbi.withHandle(h -> {
            long owner = h.createUpdate("INSERT INTO panel_user (name, created_at) VALUES (?, ?)")
                    .bind(0, TestDatabase.unique("status")).bind(1, LocalDateTime.now())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createUpdate("INSERT INTO service (owner_user_id, name, voiceserver_type, host, slots, created_at)"
                            + " VALUES (?, 'status test', 'testvoice', '127.0.0.1', 10, ?)")
                    .bind(0, owner).bind(1, LocalDateTime.now())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }
}
