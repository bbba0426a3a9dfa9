package org.voicepanel.host.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.voicepanel.api.UploadedSnapshot;

/** An upload's payload in a temporary file, deleted on close. */
final class SpooledUpload implements UploadedSnapshot, AutoCloseable {

    private final Path file;
    private final boolean external;

    SpooledUpload(Path file, boolean external) {
        this.file = file;
        this.external = external;
    }

    @Override
    public boolean external() {
        return external;
    }

    @Override
    public long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    Path file() {
        return file;
    }

    OutputStream write() throws IOException {
        return Files.newOutputStream(file);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
