package org.voicepanel.host.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Lets a wrapping encoder be closed (to flush its last bytes) without closing the response. */
final class UnclosableOutputStream extends FilterOutputStream {

    UnclosableOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
