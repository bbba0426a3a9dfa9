package org.voicepanel.api;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A stored snapshot file, ready to be streamed to a client.
 *
 * @since 1.0
 */
public interface SnapshotDownload {

    /** A file name for {@code Content-Disposition}: letters, digits, dots, dashes and underscores only. */
    String fileName();

    /** The file size in bytes. */
    long size();

    /** Writes the sealed file, exactly as a later upload accepts it. Does not close {@code out}. */
    void writeTo(OutputStream out) throws IOException;
}
