package org.voicepanel.teamspeak.simulator;

/** Thrown by command handlers to answer with a non-zero status instead of data. */
final class QueryFailure extends Exception {

    private final transient QueryStatus status;

    QueryFailure(QueryStatus status) {
        super(status.toLine(), null, false, false);
        this.status = status;
    }

    QueryStatus status() {
        return status;
    }
}
