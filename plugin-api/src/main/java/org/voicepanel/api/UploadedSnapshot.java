package org.voicepanel.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * An upload, after the host has checked it. Either the payload of a snapshot file this panel
 * sealed (its seal already verified and removed), or, when the upload carried no seal, the
 * bytes exactly as uploaded: a snapshot made outside the panel, which the provider accepts
 * only when its operator allows it.
 *
 * @since 1.0
 */
public interface UploadedSnapshot {

    /** True when the upload was not a file sealed by this panel. */
    boolean external();

    /** The payload size in bytes. */
    long size();

    /** Opens the payload; each call starts from the beginning. The caller closes it. */
    InputStream open() throws IOException;
}
