package org.voicepanel.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The panels' clock in a test: the file that the test-only {@code panel.test.clock-offset-file} points every panel
 * at, holding how far their clock runs ahead of the real one. Written atomically, so a panel never reads half a
 * number.
 */
public final class MovedClock {

    private final Path file;

    public MovedClock(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        write(0);
    }

    public String panelArg() {
        return "--panel.test.clock-offset-file=" + file;
    }

    /** Sets the panels' clock to {@code instant} (from now on it runs at real speed again). */
    public void set(Instant instant) throws IOException {
        write(instant.toEpochMilli() - System.currentTimeMillis());
    }

    private void write(long offsetMillis) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, Long.toString(offsetMillis));
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
