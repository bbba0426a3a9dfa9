package org.voicepanel.api.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.voicepanel.api.UploadedSnapshot;

/** An upload held in memory, for tests. */
public record BytesUpload(byte[] bytes, boolean external) implements UploadedSnapshot {

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }
}
