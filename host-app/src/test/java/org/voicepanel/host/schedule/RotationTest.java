package org.voicepanel.host.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.host.backup.catalog.CatalogEntry;

/** What rotation offers for removal: only scheduled, unpinned snapshots, never the newest nor the one just stored. */
class RotationTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    private final List<SnapshotInfo> newestFirst = new ArrayList<>();
    private final Map<Long, CatalogEntry> entries = new HashMap<>();

    @Test
    void keepsPinnedManualUploadedAndTheNewestAndRemovesOnlyOldScheduledOnes() {
        // ids 1..10 hourly; 1-6 and 9-10 scheduled, 2 of them pinned; 7 created by hand, 8 uploaded
        for (long id = 1; id <= 10; id++) {
            SnapshotOrigin origin = id == 8 ? SnapshotOrigin.UPLOADED : SnapshotOrigin.CREATED;
            newestFirst.add(0, snapshot(id, START.plusSeconds(3600 * id), origin, "alice"));
            if (id != 7 && id != 8) {
                entries.put(id, new CatalogEntry(id, true, id == 1 || id == 3, null));
            }
        }
        BackupSchedule keepTwo = new BackupSchedule(true, ZoneId.of("UTC"), 1, null, null, new Retention(2, 0, 0, 0));

        Set<Long> removed = Rotation.removable(newestFirst, entries, keepTwo, 10, START.plusSeconds(3600 * 11));

        // scheduled and unpinned: 2, 4, 5, 6, 9, 10; the newest two of them (9, 10) stay
        assertThat(removed).containsExactlyInAnyOrder(2L, 4L, 5L, 6L);
    }

    @Test
    void aServicesNewestSnapshotStaysEvenWhenTheRetentionWouldDropIt() {
        newestFirst.add(snapshot(5, START, SnapshotOrigin.CREATED, "schedule"));
        entries.put(5L, new CatalogEntry(5, true, false, null));
        BackupSchedule keepOne = new BackupSchedule(true, ZoneId.of("UTC"), 1, null, null, new Retention(1, 0, 0, 0));

        // a run not stored yet counts as the newest scheduled one: 5 would go, but it is the service's newest
        assertThat(Rotation.removable(newestFirst, entries, keepOne, Rotation.NOT_STORED_YET, START.plusSeconds(60)))
                .isEmpty();
    }

    private static SnapshotInfo snapshot(long id, Instant createdAt, SnapshotOrigin origin, String createdBy) {
        return SnapshotInfo.builder(id).createdAt(createdAt).size(100).sha256("00").origin(origin).createdBy(createdBy)
                .build();
    }
}
