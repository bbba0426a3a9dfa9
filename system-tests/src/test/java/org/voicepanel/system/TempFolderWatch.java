package org.voicepanel.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The bytes in a panel's temp folder ({@code java.io.tmpdir}), sampled every few milliseconds on a
 * thread of its own while a test runs: the largest sum of file sizes seen is the panel's peak
 * spooling. A sample can miss a file that lives for less than the interval, never count one that
 * was not there.
 */
public final class TempFolderWatch implements AutoCloseable {

    private final Path folder;
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    public TempFolderWatch(Path folder) {
        this.folder = folder;
        this.sampler = new Thread(this::sample, "temp-folder-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            peak.accumulateAndGet(bytes(folder), Math::max);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The bytes of every regular file under the folder now. */
    public static long bytes(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.mapToLong(TempFolderWatch::size).sum();
        } catch (NoSuchFileException | UncheckedIOException e) {
            return 0; // a file or folder vanished during the walk: the next sample counts again
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The most bytes seen at once since the watch began. */
    public long peak() {
        return peak.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
        peak.accumulateAndGet(bytes(folder), Math::max);
    }
}
