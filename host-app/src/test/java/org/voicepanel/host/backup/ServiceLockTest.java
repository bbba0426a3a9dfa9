package org.voicepanel.host.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.host.PanelProperties;
import org.voicepanel.host.db.TestDatabase;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/**
 * The per-service lock on a real MariaDB, with two panel instances played by two
 * {@link ServiceLock}s on one database and a short lease so expiry is quick to see.
 */
class ServiceLockTest {

    private static final Duration LEASE = Duration.ofMillis(900);

    private final ServiceLock first = newInstance();
    private final ServiceLock second = newInstance();
    private final long service = newServiceId();

    @AfterEach
    void stopInstances() {
        first.close();
        second.close();
    }

    @Test
    void secondAcquireIsBusyAndNamesTheRunningOperation() {
        try (var lease = first.acquire(service, BackupOperation.CREATE)) {
            assertBusy(() -> second.acquire(service, BackupOperation.UPLOAD), "create");
            assertBusy(() -> first.acquire(service, BackupOperation.DELETE), "create");
        }
    }

    @Test
    void releaseLetsTheOtherInstanceTakeIt() {
        first.acquire(service, BackupOperation.CREATE).close();
        try (var lease = second.acquire(service, BackupOperation.RESTORE)) {
            assertBusy(() -> first.acquire(service, BackupOperation.CREATE), "restore");
        }
    }

    @Test
    void aReleaseOnTheWorkersThreadFreesTheServiceAndTheCloseAfterItDoesNothing() {
        var lease = first.acquire(service, BackupOperation.CREATE);
        lease.release();
        try (var next = second.acquire(service, BackupOperation.DELETE)) {
            lease.close();
            assertBusy(() -> first.acquire(service, BackupOperation.UPLOAD), "delete");
        }
    }

    @Test
    void racingInstancesGetOneLeaseAndBusyForTheRest() throws Exception {
        int racers = 6;
        List<ServiceLock> instances = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int i = 0; i < racers; i++) {
                instances.add(newInstance());
            }
            for (int round = 0; round < 15; round++) {
                long raced = newServiceId();
                CyclicBarrier start = new CyclicBarrier(racers);
                List<Future<ServiceLock.Lease>> attempts = new ArrayList<>();
                for (ServiceLock instance : instances) {
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return instance.acquire(raced, BackupOperation.CREATE);
                    }));
                }
                // every racer finishes before the winner lets go, so a late one cannot win too
                List<ServiceLock.Lease> won = new ArrayList<>();
                for (Future<ServiceLock.Lease> attempt : attempts) {
                    try {
                        won.add(attempt.get());
                    } catch (ExecutionException e) {
                        // anything but SERVICE_BUSY (a deadlock, say) would reach the user as a 500
                        assertThat(e.getCause()).isInstanceOfSatisfying(ApiException.class,
                                busy -> assertThat(busy.code()).isEqualTo(ErrorCode.SERVICE_BUSY));
                    }
                }
                won.forEach(ServiceLock.Lease::close);
                assertThat(won).as("leases granted in round " + round).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
            instances.forEach(ServiceLock::close);
        }
    }

    @Test
    void otherServicesAreNotBlocked() {
        long otherService = newServiceId();
        try (var lease = first.acquire(service, BackupOperation.CREATE);
             var other = second.acquire(otherService, BackupOperation.RESTORE)) {
            // each lease holds its own service only
            assertBusy(() -> first.acquire(otherService, BackupOperation.UPLOAD), "restore");
            assertBusy(() -> second.acquire(service, BackupOperation.UPLOAD), "create");
        }
    }

    @Test
    void heldLeaseIsRenewedBeyondItsLength() throws InterruptedException {
        try (var lease = first.acquire(service, BackupOperation.RESTORE)) {
            Thread.sleep(LEASE.multipliedBy(3).toMillis());
            assertBusy(() -> second.acquire(service, BackupOperation.CREATE), "restore");
        }
    }

    @Test
    void leaseOfACrashedInstanceExpiresAndFreesTheService() throws InterruptedException {
        first.acquire(service, BackupOperation.CREATE);
        first.close(); // a crash: renewals stop, the row stays
        assertBusy(() -> second.acquire(service, BackupOperation.CREATE), "create");

        Thread.sleep(LEASE.plusMillis(300).toMillis());

        try (var lease = second.acquire(service, BackupOperation.UPLOAD)) {
            assertBusy(() -> second.acquire(service, BackupOperation.CREATE), "upload");
        }
    }

    @Test
    void lateReleaseOfAnExpiredLeaseDoesNotFreeTheNewHolder() throws InterruptedException {
        var stale = first.acquire(service, BackupOperation.CREATE);
        first.close();
        Thread.sleep(LEASE.plusMillis(300).toMillis());
        try (var current = second.acquire(service, BackupOperation.RESTORE)) {
            stale.close(); // the crashed instance comes back and releases what it once held
            assertBusy(() -> second.acquire(service, BackupOperation.DELETE), "restore");
        }
    }

    private static void assertBusy(Runnable acquire, String runningOperation) {
        assertThatThrownBy(acquire::run)
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_BUSY);
                    assertThat(e.getMessage()).contains(runningOperation);
                });
    }

    private static ServiceLock newInstance() {
        return new ServiceLock(TestDatabase.jdbi(), new PanelProperties(Path.of("unused"), Path.of("unused"), null, null,
                67108864, LEASE, null));
    }

    /** Far from the small ids real services get, and fresh per test, also across runs on one external database. */
    private static long newServiceId() {
        return 1_000_000_000L + Math.abs(new SecureRandom().nextLong() % 1_000_000_000_000L);
    }
}
