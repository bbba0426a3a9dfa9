package org.voicepanel.host.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.SnapshotFileResealer;
import org.voicepanel.host.PanelProperties;
import org.voicepanel.host.account.UserStore;
import org.voicepanel.host.backup.ServiceLock;
import org.voicepanel.host.db.ChoreLease;
import org.voicepanel.host.db.TestDatabase;
import org.voicepanel.host.keys.ResealRuns.Failure;
import org.voicepanel.host.keys.ResealRuns.Run;
import org.voicepanel.host.keys.ResealRuns.State;
import org.voicepanel.host.plugin.ProviderRegistry.Registration;
import org.voicepanel.host.plugin.RouteTable;
import org.voicepanel.host.plugin.TestRegistry;
import org.voicepanel.host.service.QueryPasswordCipher;
import org.voicepanel.host.service.ServiceDraft;
import org.voicepanel.host.service.ServiceStore;
import org.voicepanel.host.service.SubmittedFields;

/**
 * The background re-seal on a real MariaDB, with plugins played by a resealer that records its calls: every
 * service's snapshots are visited under its lock, the counts and failures land in the run, services no plugin can
 * re-seal are failures, and a run held by another instance is not started twice.
 */
class SnapshotResealTest {

    private static final Duration LONG_ENOUGH = Duration.ofMinutes(2);

    private final Jdbi jdbi = TestDatabase.jdbi();
    private final ServiceLock locks = new ServiceLock(jdbi, new PanelProperties(Path.of("unused"), Path.of("unused"),
            null, null, 67108864, Duration.ofSeconds(30), null));
    private final String typeWithStore = TestDatabase.unique("store");
    private final String typeWithout = TestDatabase.unique("old");
    private final String typeUnserved = TestDatabase.unique("gone");
    private final Recording store = new Recording();
    private SnapshotReseal reseal;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (reseal != null) {
            reseal.stop();
        }
        locks.close();
    }

    @Test
    void everyServiceIsVisitedUnderItsLockAndTheRunCountsWhatHappened() throws Exception {
        PanelKeysets keysets = PanelKeysets.in(Files.createDirectories(dir.resolve("keys")));
        ServiceStore services = new ServiceStore(jdbi, Clock.systemUTC(), new QueryPasswordCipher(keysets));
        long owner = new UserStore(jdbi, Clock.systemUTC()).create(TestDatabase.unique("owner"), null, false).id();
        long stored = create(services, owner, typeWithStore);
        long old = create(services, owner, typeWithout);
        long unserved = create(services, owner, typeUnserved);
        store.snapshots.put(stored, List.of(1L, 2L, 3L, 4L));
        store.outcomes.put(1L, SnapshotFileResealer.Outcome.RESEALED);
        store.outcomes.put(2L, SnapshotFileResealer.Outcome.CURRENT);
        store.outcomes.put(3L, SnapshotFileResealer.Outcome.GONE);
        // snapshot 4 fails; other tests' services (the database is shared) get a store holding nothing
        Map<String, Registration> byType = new HashMap<>();
        for (String type : services.typesById().values()) {
            byType.put(type, new Registration("others", new RouteTable(), List.of(), Optional.of(new Recording())));
        }
        byType.put(typeWithStore, new Registration("withstore", new RouteTable(), List.of(), Optional.of(store)));
        byType.put(typeWithout, new Registration("apitwo", new RouteTable(), List.of(), Optional.empty()));
        byType.remove(typeUnserved);
        reseal = new SnapshotReseal(keysets, services, TestRegistry.of(byType), locks,
                new ChoreLease(jdbi, Clock.systemUTC()), new ResealRuns(jdbi, Clock.systemUTC()));

        Run started = reseal.start(keysets.snapshotFilePrimaryKeyId()).orElseThrow();
        Run run = awaitEnd(started.id());

        assertThat(run.state()).isEqualTo(State.FINISHED);
        assertThat(run.keyId()).isEqualTo(keysets.snapshotFilePrimaryKeyId());
        assertThat(store.visited).containsExactly(stored + "/1", stored + "/2", stored + "/3", stored + "/4");
        assertThat(store.lockedWhileVisited).containsOnly(true);
        assertThat(run.resealed()).isEqualTo(1);
        assertThat(run.skipped()).isEqualTo(1);
        assertThat(run.failures()).containsExactlyInAnyOrder(
                new Failure("withstore", stored, 4L, "The snapshot file is damaged."),
                new Failure("apitwo", old, null, "Plugin apitwo cannot re-seal its snapshot files (it was built for"
                        + " plugin API 2.0), so they keep the key they were sealed with."),
                new Failure(null, unserved, null, "No loaded plugin serves its type " + typeUnserved
                        + ", so its snapshots keep the key they were sealed with."));
        assertThat(run.failed()).isEqualTo(3);
        try (ServiceLock.Lease free = locks.acquire(stored, "TEST")) {
            assertThat(free).as("the service's lock is free again").isNotNull();
        }
    }

    @Test
    void aRunHeldByAnotherInstanceIsShownAndNotStartedAgain() throws Exception {
        PanelKeysets keysets = PanelKeysets.in(Files.createDirectories(dir.resolve("keys")));
        ServiceStore services = new ServiceStore(jdbi, Clock.systemUTC(), new QueryPasswordCipher(keysets));
        ResealRuns runs = new ResealRuns(jdbi, Clock.systemUTC());
        ChoreLease otherInstance = new ChoreLease(jdbi, Clock.systemUTC());
        await(() -> otherInstance.take(SnapshotReseal.CHORE, Duration.ofMinutes(1)));
        long othersRun = runs.start(keysets.snapshotFilePrimaryKeyId());
        try {
            reseal = new SnapshotReseal(keysets, services, TestRegistry.of(Map.of()), locks,
                    new ChoreLease(jdbi, Clock.systemUTC()), runs);

            Run shown = reseal.start(keysets.snapshotFilePrimaryKeyId()).orElseThrow();

            assertThat(shown.id()).isEqualTo(othersRun);
            assertThat(shown.state()).isEqualTo(State.RUNNING);
            assertThat(runs.latest().orElseThrow().id()).isEqualTo(othersRun);
        } finally {
            otherInstance.release(SnapshotReseal.CHORE);
        }
        // its instance is gone: the run it left marked running is shown as interrupted
        assertThat(reseal.status().orElseThrow().state()).isEqualTo(State.INTERRUPTED);
        runs.finish(othersRun, State.INTERRUPTED);
    }

    private Run awaitEnd(long runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(LONG_ENOUGH);
        Run run = reseal.status().orElseThrow();
        while (run.state() == State.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            run = reseal.status().orElseThrow();
        }
        assertThat(run.id()).isEqualTo(runId);
        return run;
    }

    /** Waits out a lease an earlier test may have left. */
    private static void await(BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(LONG_ENOUGH);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for the chore lease").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static long create(ServiceStore services, long owner, String type) {
        return services.create(new ServiceDraft(owner, "voice " + type, type, "127.0.0.1", 8,
                new SubmittedFields(Map.of(), Map.of(), Set.of(), Set.of()))).id();
    }

    /** A plugin's store: outcomes by snapshot id (none: the file is damaged), calls recorded in order. */
    private final class Recording implements SnapshotFileResealer {
        final Map<Long, List<Long>> snapshots = new HashMap<>();
        final Map<Long, Outcome> outcomes = new HashMap<>();
        final List<String> visited = Collections.synchronizedList(new ArrayList<>());
        final List<Boolean> lockedWhileVisited = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<Long> snapshotIds(long serviceId) {
            return snapshots.getOrDefault(serviceId, List.of());
        }

        @Override
        public Outcome reseal(long serviceId, long snapshotId) throws IOException {
            visited.add(serviceId + "/" + snapshotId);
            lockedWhileVisited.add("RESEAL".equals(jdbi.withHandle(h -> h.createQuery(
                    "SELECT operation FROM service_lock WHERE service_id = ?").bind(0, serviceId)
                    .mapTo(String.class).findOne().orElse(null))));
            Outcome outcome = outcomes.get(snapshotId);
            if (outcome == null) {
                throw new BackupException(BackupException.Reason.SNAPSHOT_FILE_INVALID, "The snapshot file is damaged.");
            }
            return outcome;
        }
    }
}
