package org.voicepanel.host.backup;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/**
 * A fixed number of operations that may run at once on this panel; one more waits a little and then
 * answers 503 {@code PANEL_BUSY} with a sentence (and Retry-After). Thread-safe.
 */
final class Permits {

    /** A taken permit, given back on close. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore semaphore;
    private final int count;
    private final Duration wait;
    private final String busyMessage;

    Permits(int count, Duration wait, String busyMessage) {
        this.semaphore = new Semaphore(count, true);
        this.count = count;
        this.wait = wait;
        this.busyMessage = busyMessage;
    }

    Permit take() {
        boolean taken;
        try {
            taken = semaphore.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            throw new ApiException(ErrorCode.PANEL_BUSY, busyMessage);
        }
        return semaphore::release;
    }

    int count() {
        return count;
    }
}
