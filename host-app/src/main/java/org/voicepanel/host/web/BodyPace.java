package org.voicepanel.host.web;

import jakarta.servlet.ServletRequest;
import java.time.Duration;

/**
 * The pace a request body must keep: after a grace period, at least a minimum number of bytes per
 * second on average since the request began. A client trickling its body (one byte every few seconds)
 * would otherwise hold a worker thread for as long as it liked. One per request; not thread-safe.
 */
public final class BodyPace {

    private static final String ATTRIBUTE = BodyPace.class.getName();

    private final long startedNanos = System.nanoTime();
    private final long graceNanos;
    private final long minBytesPerSecond;
    private boolean broken;

    BodyPace(Duration grace, long minBytesPerSecond) {
        this.graceNanos = grace.toNanos();
        this.minBytesPerSecond = minBytesPerSecond;
    }

    void attachTo(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The pace of the request, or none when the request never reached the panel's filters. */
    static BodyPace of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof BodyPace pace ? pace : null;
    }

    /** Whether {@code bytesSoFar} came too slowly for the time since the request began. */
    boolean tooSlow(long bytesSoFar) {
        long late = System.nanoTime() - startedNanos - graceNanos;
        return late > 0 && bytesSoFar < late / 1_000_000_000.0 * minBytesPerSecond;
    }

    /** The rest of this body is not worth reading: the connection is closed after the answer. */
    void abandon() {
        broken = true;
    }

    boolean abandoned() {
        return broken;
    }
}
