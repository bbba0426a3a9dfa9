package org.voicepanel.teamspeak.snapshot;

/**
 * A payload that is not one intact TeamSpeak snapshot. Unchecked on purpose: it is thrown from inside
 * the decoding streams (Base64, zstd) the validator reads through, which only let runtime exceptions pass.
 *
 * <p>{@link #getMessage()} is a sentence fragment such as "it contains a line break", so each caller can
 * phrase the whole sentence for its situation (an upload, a created snapshot, a stored one).
 */
public final class SnapshotRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SnapshotRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
