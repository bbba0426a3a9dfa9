package org.voicepanel.mumble;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.voicepanel.api.BackupException;

/**
 * A snapshot payload on its way in or out, spooled to a file in the plugin's work folder so that no
 * whole file is held in memory, and refused once it grows past the size limit. Deleted on close. Not
 * thread-safe.
 */
final class PayloadFile implements AutoCloseable {

    private final Path file;
    private final long maxBytes;

    PayloadFile(Path workDir, long maxBytes) {
        this.maxBytes = maxBytes;
        try {
            this.file = Files.createTempFile(workDir, "snapshot-", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file; writing past the limit throws {@code PAYLOAD_TOO_LARGE}. The caller closes it. */
    OutputStream write() throws IOException {
        return new FilterOutputStream(Files.newOutputStream(file)) {
            private long written;

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                written += length;
                if (written > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(bytes, offset, length);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
    }

    InputStream read() throws IOException {
        return Files.newInputStream(file);
    }

    static BackupException tooLarge(long maxBytes) {
        return new BackupException(BackupException.Reason.PAYLOAD_TOO_LARGE, "The snapshot is larger than the "
                + maxBytes / (1024 * 1024) + " MiB this panel accepts.");
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
