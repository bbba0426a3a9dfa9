package org.voicepanel.host.backup.catalog;

import java.time.Duration;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/** TOO_MANY_REQUESTS with the wait a client should keep, sent as {@code Retry-After} (seconds). */
public final class RetryLater extends ApiException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RetryLater(Duration wait, String message) {
        super(ErrorCode.TOO_MANY_REQUESTS, message);
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
