package org.voicepanel.host.backup.status;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voicepanel.api.VoiceServerStatus;
import org.voicepanel.host.db.CertificationRetry;

/**
 * The voice servers' status, answered from {@link StatusRows} and refreshed behind the answer: a
 * request never waits for a voice server, except up to {@code first-read-wait} for one whose status
 * is not known at all. Of all panel instances on the database, the one that wins the row's claim
 * asks, on a bounded pool of its own with the provider's timeouts, so a voice server that is down
 * costs one pool thread per interval and never a request's time. Thread-safe.
 */
@Component
public class VoiceStatusCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VoiceStatusCache.class);
    /** Reads waiting for a pool thread; beyond these a claim is given back and tried on a later request. */
    private static final int QUEUED = 64;
    /** How often a request waiting for another instance's read looks at the row again. */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(50);

    private final StatusRows rows;
    private final VoiceStatusProperties properties;
    private final ThreadPoolExecutor pool;
    /** The reads this instance runs now, by service: at most threads + queued entries. */
    private final Map<Long, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    public VoiceStatusCache(StatusRows rows, VoiceStatusProperties properties) {
        this.rows = rows;
        this.properties = properties;
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(properties.threads(), properties.threads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED), runnable -> {
                    Thread thread = new Thread(runnable, "voice-status-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * The service's status as cached; starts a read of the voice server through {@code ask} when the
     * status is due and no instance is reading it yet.
     */
    public CachedStatus status(long serviceId, Supplier<VoiceServerStatus> ask) {
        Optional<StatusRow> row = rows.read(serviceId);
        boolean started = (row.isEmpty() || row.get().due(properties.interval()) && !row.get().claimed())
                && refresh(serviceId, ask);
        if (row.isPresent() && row.get().usable()) {
            return CachedStatus.of(row.get(), started);
        }
        // never read, or stale after a change: wait a little for the read, wherever it runs
        return awaitRead(serviceId, row.orElse(null), started);
    }

    /**
     * Waits for a read under way to be stored, up to {@code first-read-wait} counted from when the
     * read began: on the read itself when this instance runs it, else by looking at the row again
     * every {@link #LOOK_AGAIN}. So a voice server that never answers costs the request that started
     * its read the wait, and the requests after it nothing.
     */
    private CachedStatus awaitRead(long serviceId, StatusRow row, boolean started) {
        long wait = properties.firstReadWait().toNanos();
        if (!started && row != null && row.claimed()) {
            // every claim holds for refresh-lease from when its read began
            wait -= properties.refreshLease().minus(row.claimLeft()).toNanos();
        }
        long deadline = System.nanoTime() + wait;
        // a lost claim means another instance just took it: look again
        boolean underWay = started || row == null || row.claimed();
        while (underWay && System.nanoTime() < deadline) {
            CompletableFuture<Void> local = running.get(serviceId);
            try {
                if (local != null) {
                    local.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } else {
                    Thread.sleep(Math.min(LOOK_AGAIN.toMillis(),
                            Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
                }
            } catch (TimeoutException | ExecutionException e) {
                // looked at below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            row = rows.read(serviceId).orElse(null);
            if (row != null && row.usable()) {
                return CachedStatus.of(row, false);
            }
            underWay = row != null && row.claimed();
        }
        return row == null ? CachedStatus.unknown(started) : CachedStatus.of(row, started);
    }

    /**
     * Marks the service's status stale after something changed the voice server (a restore), and,
     * with {@code ask}, starts reading it again at once; {@code ask} null leaves that to the next request.
     */
    public void expire(long serviceId, Supplier<VoiceServerStatus> ask) {
        try {
            // repeating it is harmless; it must not lose to a read being stored at the same moment
            CertificationRetry.run("Marking a voice server status stale", () -> rows.expire(serviceId));
            if (ask != null) {
                refresh(serviceId, ask);
            }
        } catch (RuntimeException e) {
            // the change itself stands; the status is at most one interval old
            log.warn("The cached status of service {} could not be marked stale: {}", serviceId, e.toString());
        }
    }

    /** Claims the service's next read and hands it to the pool; whether a read now runs. */
    private boolean refresh(long serviceId, Supplier<VoiceServerStatus> ask) {
        Optional<String> claim = rows.claim(serviceId, properties.interval(), properties.refreshLease());
        if (claim.isEmpty()) {
            return false;
        }
        String token = claim.get();
        CompletableFuture<Void> read = new CompletableFuture<>();
        running.put(serviceId, read);
        try {
            pool.execute(() -> {
                try {
                    read(serviceId, token, ask);
                } finally {
                    running.remove(serviceId, read);
                    read.complete(null);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            running.remove(serviceId, read);
            read.complete(null);
            log.warn("Too many voice server status reads waiting; the status of service {} is read later",
                    serviceId);
            rows.release(serviceId, token);
            return false;
        }
    }

    private void read(long serviceId, String token, Supplier<VoiceServerStatus> ask) {
        VoiceServerStatus status = null;
        try {
            status = ask.get();
        } catch (RuntimeException e) {
            // a voice server that does not answer is cached as such, so it is not asked again at once
            log.info("Status of service {} unknown: {}", serviceId, e.getMessage());
        }
        try {
            if (!rows.store(serviceId, token, status)) {
                log.debug("Status of service {} read before a change; dropped", serviceId);
            }
        } catch (RuntimeException e) {
            // the claim lapses with its lease and another read follows
            log.warn("The status of service {} could not be stored: {}", serviceId, e.toString());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
