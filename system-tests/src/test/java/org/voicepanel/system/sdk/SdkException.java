package org.voicepanel.system.sdk;

/** The SDKs' error classes: what an SDK user's code catches. */
public class SdkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SdkException(String message) {
        super(message);
    }

    /** A 503: the SDKs call it maintenance. */
    public static final class Maintenance extends SdkException {
        private static final long serialVersionUID = 1L;

        Maintenance(String message) {
            super(message);
        }
    }

    /** A 428: another action runs on the service. */
    public static final class Concurrency extends SdkException {
        private static final long serialVersionUID = 1L;

        Concurrency(String message) {
            super(message);
        }
    }

    /** A 429: over the hourly budget. */
    public static final class RateLimit extends SdkException {
        private static final long serialVersionUID = 1L;

        RateLimit(String message) {
            super(message);
        }
    }

    /** Any other error status. */
    public static final class HttpError extends SdkException {
        private static final long serialVersionUID = 1L;
        private final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
