package org.voicepanel.store;

import java.io.IOException;

/** A stored snapshot file that cannot be read back whole: a chunk is missing or its SHA-256 differs. */
public final class DamagedSnapshotException extends IOException {

    private static final long serialVersionUID = 1L;

    DamagedSnapshotException(String message) {
        super(message);
    }
}
