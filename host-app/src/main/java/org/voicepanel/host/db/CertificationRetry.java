package org.voicepanel.host.db;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.voicepanel.host.web.StorageFailures;

/**
 * Runs work again when the database rolled it back because another transaction raced it for the
 * same rows: an InnoDB deadlock, or on a Galera cluster a write-set that lost certification to one
 * committed on another node (see docs/operations.md). Only for work that is safe to repeat: nothing
 * of a rolled-back attempt is kept, and the next attempt sees the winner's rows. Spring's
 * {@link RetryTemplate} with a jittered back-off, so that two panels that collided do not collide
 * again at the same instant. Stateless and thread-safe.
 */
public final class CertificationRetry {

    private static final Logger log = LoggerFactory.getLogger(CertificationRetry.class);
    /** Each attempt after the first waits a little longer: well under a second in all. */
    static final int ATTEMPTS = 8;
    private static final RetryTemplate RETRY = retryTemplate();

    private CertificationRetry() {
    }

    /** The work's result, after at most {@link #ATTEMPTS} attempts; the last conflict is thrown. */
    public static <T> T run(String what, Supplier<T> work) {
        try {
            return RETRY.execute(new Retryable<T>() {
                @Override
                public T execute() {
                    return work.get();
                }

                @Override
                public String getName() {
                    return what;
                }
            });
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(what + " failed", last);
        }
    }

    public static void run(String what, Runnable work) {
        run(what, () -> {
            work.run();
            return null;
        });
    }

    private static RetryTemplate retryTemplate() {
        RetryTemplate template = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(ATTEMPTS - 1)
                .predicate(StorageFailures::isTransactionConflict)
                .delay(Duration.ofMillis(10))
                .jitter(Duration.ofMillis(10))
                .multiplier(1.5)
                .maxDelay(Duration.ofMillis(150))
                .build());
        template.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                log.debug("{} lost to a concurrent transaction (attempt {} of {}); trying again", retryable.getName(),
                        state.getRetryCount() + 1, ATTEMPTS);
            }
        });
        return template;
    }
}
