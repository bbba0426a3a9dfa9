package org.voicepanel.host.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes audit entries behind the requests that made them, many to a statement: an insert and its commit per
 * request was the largest cost of a download (docs/benchmarks.md). One thread takes what is queued, in order, waits
 * a few milliseconds for more ({@link #LINGER}) and writes it: under load one statement then carries the entries of
 * many requests, where without the wait it carried those of one or two. A reader's wait ends the pause at once.
 *
 * <p>Nothing is dropped for being queued: a full queue makes the request write its entry itself, a reader of the
 * trail first waits for what is queued ({@link #awaitQueued}), and closing writes the rest. Only a crash of the
 * process loses the entries still queued: at most those of the pause and the last statement's time. A failed write
 * is reported in the panel's log, entry by entry, as a failed single insert was. Thread-safe.
 */
@Component
class AuditWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    static final int CAPACITY = 4_096;
    static final int BATCH = 100;
    static final Duration LINGER = Duration.ofMillis(10);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /** Queued after entries: released once every entry before it is written. */
    private record Barrier(CountDownLatch passed) {
    }

    private static final Object STOP = new Object();

    private final Consumer<List<AuditEntry>> sink;
    private final long lingerNanos;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private volatile boolean closed;

    @Autowired
    AuditWriter(AuditLog auditLog) {
        this(auditLog::append, LINGER);
    }

    /**
     * @param sink writes a batch of entries, in order, in one go
     * @param linger how long the first entry of a batch waits for others
     */
    AuditWriter(Consumer<List<AuditEntry>> sink, Duration linger) {
        this.sink = sink;
        this.lingerNanos = linger.toNanos();
        this.thread = new Thread(this::run, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void submit(AuditEntry entry) {
        if (closed || !queue.offer(entry)) {
            write(List.of(entry));
        }
    }

    /** Waits, at most {@code timeout}, until every entry queued before this call is written; false if it timed out. */
    boolean awaitQueued(Duration timeout) throws InterruptedException {
        Barrier barrier = new Barrier(new CountDownLatch(1));
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!queue.offer(barrier, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        return barrier.passed().await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Writes what is queued; entries submitted from now on are written by their requests. */
    @Override
    public void close() {
        closed = true;
        try {
            if (queue.offer(STOP, CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.join(CLOSE_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.error("The audit writer did not finish within {}; {} queued entries were not written", CLOSE_WAIT,
                    queue.size());
        }
    }

    private void run() {
        List<Object> taken = new ArrayList<>();
        boolean stopping = false;
        while (!stopping || !queue.isEmpty()) {
            try {
                taken.add(stopping ? queue.poll() : queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(taken, BATCH - 1);
            if (!stopping && !linger(taken)) {
                handle(taken);
                return;
            }
            stopping |= handle(taken);
            taken.clear();
        }
    }

    /**
     * Takes more entries until the batch is full, the pause is over, or a reader or the stop waits; false when
     * interrupted.
     */
    private boolean linger(List<Object> taken) {
        long end = System.nanoTime() + lingerNanos;
        while (taken.size() < BATCH && taken.stream().allMatch(AuditEntry.class::isInstance)) {
            long left = end - System.nanoTime();
            Object next;
            try {
                next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException e) {
                return false;
            }
            if (next == null) {
                return true;
            }
            taken.add(next);
            queue.drainTo(taken, BATCH - taken.size());
        }
        return true;
    }

    /** Writes the entries taken, releasing each barrier once those before it are written; true at the stop. */
    private boolean handle(List<Object> taken) {
        boolean stop = false;
        List<AuditEntry> batch = new ArrayList<>(taken.size());
        for (Object item : taken) {
            if (item instanceof AuditEntry entry) {
                batch.add(entry);
                continue;
            }
            write(batch);
            batch.clear();
            if (item instanceof Barrier barrier) {
                barrier.passed().countDown();
            } else {
                stop = item == STOP;
            }
        }
        write(batch);
        return stop;
    }

    private void write(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            sink.accept(entries);
        } catch (RuntimeException e) {
            log.error("{} audit entries could not be written; the actions' answers stand", entries.size(), e);
            for (AuditEntry entry : entries) {
                log.error("Not in the audit trail: {} by {} on service {} ({}, HTTP {})", entry.action(),
                        entry.userName(), entry.serviceId(), entry.result(), entry.httpStatus());
            }
        }
    }
}
