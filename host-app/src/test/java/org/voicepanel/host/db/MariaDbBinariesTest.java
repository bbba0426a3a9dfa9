package org.voicepanel.host.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MariaDbBinariesTest {

    @TempDir
    Path cache;

    @Test
    void panelsStartingTogetherShareOneCompleteUnpacking() throws Exception {
        List<CompletableFuture<Optional<Path>>> panels = List.of(
                CompletableFuture.supplyAsync(() -> MariaDbBinaries.unpacked(cache)),
                CompletableFuture.supplyAsync(() -> MariaDbBinaries.unpacked(cache)));

        Path first = panels.get(0).get().orElseThrow();
        assertThat(panels.get(1).get()).contains(first);
        assertThat(first.resolve("bin/mariadbd")).isExecutable();
        assertThat(first.resolve("scripts/mariadb-install-db")).isExecutable();
        try (var left = Files.list(cache)) {
            assertThat(left).containsExactly(first); // the slower unpacking was removed
        }
    }

    @Test
    void aCompleteUnpackingIsUsedAsItStands() throws Exception {
        Path unpacked = MariaDbBinaries.unpacked(cache).orElseThrow();
        Path mark = Files.createFile(unpacked.resolve("left-by-the-first-start"));

        assertThat(MariaDbBinaries.unpacked(cache)).contains(unpacked);
        assertThat(mark).exists();
    }

    @Test
    void anUnpackingAbandonedByAKilledPanelIsRemovedAndAFreshOneIsLeftAlone() throws Exception {
        Path abandoned = Files.createDirectories(cache.resolve("unpacking-1/bin"));
        Files.setLastModifiedTime(abandoned.getParent(), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path running = Files.createDirectories(cache.resolve("unpacking-2"));

        Path unpacked = MariaDbBinaries.unpacked(cache).orElseThrow();

        try (var left = Files.list(cache)) {
            assertThat(left).containsExactlyInAnyOrder(unpacked, running);
        }
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesTheUnpackingToMariaDb4j() throws Exception {
        Path notAFolder = Files.createFile(cache.resolve("a-file"));

        assertThat(MariaDbBinaries.unpacked(notAFolder.resolve("voice-panel"))).isEmpty();
    }
}
