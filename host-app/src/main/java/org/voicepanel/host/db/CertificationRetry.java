package org.voicepanel.host.db;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voicepanel.host.web.StorageFailures;

/**
 * Runs work again when the database rolled it back because another transaction raced it for the
 * same rows: an InnoDB deadlock, or on a Galera cluster a write-set that lost certification to one
 * committed on another node (see docs/operations.md). Only for work that is safe to repeat: nothing
 * of a rolled-back attempt is kept, and the next attempt sees the winner's rows.
 * Stateless and thread-safe.
 */
public final class CertificationRetry {

    private static final Logger log = LoggerFactory.getLogger(CertificationRetry.class);
    /** Each attempt after the first waits a little longer: about a second in all at most. */
    static final int ATTEMPTS = 8;

    private CertificationRetry() {
    }

    /** The work's result, after at most {@link #ATTEMPTS} attempts; the last conflict is thrown. */
    public static <T> T run(String what, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !StorageFailures.isTransactionConflict(e)) {
                    throw e;
                }
                log.debug("{} lost to a concurrent transaction (attempt {} of {}); trying again", what, attempt,
                        ATTEMPTS);
                pause(attempt);
            }
        }
    }

    public static void run(String what, Runnable work) {
        run(what, () -> {
            work.run();
            return null;
        });
    }

    /** Jittered, so that two panels that collided do not collide again at the same instant. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 10L + 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a database write", e);
        }
    }
}
