package org.voicepanel.host.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body that stops at a size limit (413) and at a too slow pace (408), both in the
 * contract's envelope; either way the rest of the body is abandoned, not read. Not thread-safe.
 */
final class BoundedBodyStream extends ServletInputStream {

    private final ServletInputStream body;
    private final long maxBytes;
    private final BodyPace pace;
    private long read;

    BoundedBodyStream(ServletInputStream body, long maxBytes, BodyPace pace) {
        this.body = body;
        this.maxBytes = maxBytes;
        this.pace = pace;
    }

    @Override
    public int read() throws IOException {
        int b = body.read();
        count(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = body.read(buffer, offset, length);
        count(n);
        return n;
    }

    private void count(int n) {
        if (n > 0) {
            read += n;
        }
        if (read > maxBytes) {
            pace.abandon();
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than the " + maxBytes + " bytes this route accepts.");
        }
        if (n >= 0 && pace.tooSlow(read)) {
            pace.abandon();
            throw new ApiException(ErrorCode.REQUEST_TIMEOUT,
                    "The request body arrived too slowly; the panel stopped reading it.");
        }
    }

    @Override
    public boolean isFinished() {
        return body.isFinished();
    }

    @Override
    public boolean isReady() {
        return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("request bodies are read blocking");
    }
}
