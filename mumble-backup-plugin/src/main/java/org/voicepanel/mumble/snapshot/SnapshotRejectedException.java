package org.voicepanel.mumble.snapshot;

/** A payload that is not one valid Mumble snapshot of this panel's format; the message says why. */
public final class SnapshotRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SnapshotRejectedException(String message) {
        super(message);
    }
}
