package org.voicepanel.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The host's snapshot-file format: the payload compressed, then encrypted and authenticated,
 * behind a small versioned header naming the key. Providers store sealed files and never see
 * the key. Thread-safe.
 *
 * @since 1.0
 */
public interface SnapshotFileSealer {

    /** Reads {@code payload} to its end and writes the sealed file to {@code sealed}. Closes neither. */
    void seal(InputStream payload, OutputStream sealed) throws IOException;

    /**
     * Reads a sealed file to its end and writes its payload. Throws {@link BackupException} with
     * {@link BackupException.Reason#SNAPSHOT_FILE_INVALID} for a file that was altered, cut short,
     * sealed with another key, or not sealed by this panel; then what was written to
     * {@code payload} must be discarded. Closes neither.
     */
    void unseal(InputStream sealed, OutputStream payload) throws IOException;
}
