package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;

/**
 * The database goes away: before the panel starts, between requests, and in the middle of writing
 * a snapshot. The panel says so (STORAGE_UNAVAILABLE, or a clear line at start), leaves no partial
 * snapshot and no orphan chunk, and works again without a restart once the database is back.
 *
 * <p>The database is a MariaDB of the test's own (the operator's "external" database), so the test
 * can stop it, start it again on the same files, and look at the plugin's tables over JDBC.
 */
class DatabaseFaultsIT {

    private static final Duration LEASE = Duration.ofSeconds(5);
    /** Hikari gives up on a connection after 5 s; the answer may take that long, plus the round trip. */
    private static final Duration STORAGE_DEADLINE = Duration.ofSeconds(9);

    private static ExternalMariaDb db;
    private static ServerQuerySimulator simulator;
    private static PanelProcess panel;
    private static PanelApi api;
    private static Customer dora;
    private static byte[] multiChunkFile;

    @BeforeAll
    static void start() throws IOException {
        db = ExternalMariaDb.start("db-faults");
        simulator = ServerQuerySimulator.start(0);
        panel = PanelProcess.start("db-faults", panelArgs("--panel.lock-lease=" + LEASE.toSeconds() + "s"));
        api = new PanelApi(panel.baseUrl());
        dora = api.customer("dora", simulator.port(), 16);
        created(api.post(dora.backups(), dora.token()));
        // a snapshot file of several 1 MiB chunks, for uploads that take a while to write
        simulator.virtualServer(1).addChannels(2500, 1000);
        long big = created(api.post(dora.backups(), dora.token()));
        multiChunkFile = api.get(dora.backups() + "/" + big, dora.token(), "Accept", "application/octet-stream").body();
        assertThat(multiChunkFile.length).isGreaterThan(1024 * 1024);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(panel, simulator, db);
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void requestsWhileTheDatabaseIsDownAnswer503AndThePanelRecoversWithoutRestart() throws Exception {
        SnapshotLedger before = SnapshotLedger.of(api, dora);
        db.stop();
        try {
            for (Timed call : List.of(
                    Timed.of(() -> api.get(dora.backups(), dora.token())),
                    Timed.of(() -> api.post(dora.backups(), dora.token())),
                    Timed.of(() -> api.postBytes(dora.backups() + "/upload", dora.token(), multiChunkFile,
                            "application/octet-stream")))) {
                assertThat(call.answer().status()).as(call.answer().toString()).isEqualTo(503);
                assertThat(call.answer().code()).isEqualTo("STORAGE_UNAVAILABLE");
                assertThat(call.took()).isLessThan(STORAGE_DEADLINE);
            }
            assertThat(api.get("/actuator/health", null).status()).isEqualTo(503);
            assertThat(simulator.commandCount("serversnapshotcreate")).isZero();
        } finally {
            db.start();
        }

        Answer recovered = Timed.until(Duration.ofSeconds(30), () -> api.get(dora.backups(), dora.token()),
                answer -> answer.status() == 200);
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        before.assertUnchanged(api, dora);
        long fresh = created(api.post(dora.backups(), dora.token()));
        assertThat(api.delete(dora.backups() + "/" + fresh, dora.token()).status()).isEqualTo(200);
    }

    @Test
    void databaseStoppedWhileASnapshotIsWrittenLeavesNoPartialSnapshotOrOrphanChunk() throws Exception {
        SnapshotLedger before = SnapshotLedger.of(api, dora);
        long rowsBefore = db.number("SELECT COUNT(*) FROM ts3_snapshot");
        Answer upload;
        // the panel's transaction inserts its snapshot row, then waits at its first chunk
        Connection holder = db.holdFirstChunkOfNextSnapshot();
        try {
            CompletableFuture<Answer> uploading = uploadAsync();
            db.awaitSnapshotWriteWaiting(Duration.ofSeconds(30));
            db.stop();
            upload = uploading.get(30, TimeUnit.SECONDS);
        } finally {
            db.start();
            ExternalMariaDb.closeQuietly(holder);
        }

        assertThat(upload.status()).as(upload.toString()).isEqualTo(503);
        assertThat(upload.code()).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat(db.number("SELECT COUNT(*) FROM ts3_snapshot")).isEqualTo(rowsBefore);
        assertThat(db.damagedSnapshotRows()).isZero();
        Timed.until(Duration.ofSeconds(30), () -> api.get(dora.backups(), dora.token()), a -> a.status() == 200);
        before.assertUnchanged(api, dora);
        uploadAgainOnceTheLeaseHasRunOut();
    }

    @Test
    void connectionCutWhileASnapshotIsWrittenLeavesNoPartialSnapshotOrOrphanChunk() throws Exception {
        SnapshotLedger before = SnapshotLedger.of(api, dora);
        long rowsBefore = db.number("SELECT COUNT(*) FROM ts3_snapshot");
        Answer upload;
        Connection holder = db.holdFirstChunkOfNextSnapshot();
        try {
            CompletableFuture<Answer> uploading = uploadAsync();
            long writer = db.awaitSnapshotWriteWaiting(Duration.ofSeconds(30));
            try (Connection admin = db.connect(); Statement kill = admin.createStatement()) {
                kill.execute("KILL CONNECTION " + writer);
            }
            upload = uploading.get(30, TimeUnit.SECONDS);
        } finally {
            ExternalMariaDb.closeQuietly(holder);
        }

        assertThat(upload.status()).as(upload.toString()).isEqualTo(503);
        assertThat(upload.code()).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat(db.number("SELECT COUNT(*) FROM ts3_snapshot")).isEqualTo(rowsBefore);
        assertThat(db.damagedSnapshotRows()).isZero();
        before.assertUnchanged(api, dora);
        long again = created(api.postBytes(dora.backups() + "/upload", dora.token(), multiChunkFile,
                "application/octet-stream"));
        assertThat(api.delete(dora.backups() + "/" + again, dora.token()).status()).isEqualTo(200);
    }

    @Test
    void panelStartedWhileTheDatabaseIsDownSaysSoAndStartsServingWhenItReturns() throws Exception {
        db.stop();
        PanelProcess waiting;
        try {
            waiting = PanelProcess.launch("db-late", panelArgs("--panel.database-wait=120s"));
            awaitOutput(waiting, "cannot be reached", Duration.ofSeconds(60));
            assertThat(waiting.isAlive()).isTrue();
        } finally {
            db.start();
        }
        try (PanelProcess late = waiting) {
            late.awaitHealthy(Duration.ofSeconds(90));
            assertThat(late.output()).contains("is reachable now; the panel goes on starting");
            PanelApi lateApi = new PanelApi(late.baseUrl());
            // the same database: dora's snapshots are all there
            SnapshotLedger.of(api, dora).assertUnchanged(lateApi, dora);
        }
    }

    @Test
    void panelThatCannotReachTheDatabaseInTimeStopsWithOneClearSentence() throws Exception {
        db.stop();
        try (PanelProcess doomed = PanelProcess.launch("db-never", panelArgs("--panel.database-wait=3s"))) {
            OptionalInt exit = doomed.awaitExit(Duration.ofSeconds(90));

            assertThat(exit).as("the panel should stop by itself").isPresent();
            assertThat(exit.getAsInt()).isNotZero();
            assertThat(doomed.output()).contains("The database at jdbc:mariadb://127.0.0.1:" + db.port()
                    + "/panel could not be reached within 3 s").contains("the panel stops");
        } finally {
            db.start();
        }
        Timed.until(Duration.ofSeconds(30), () -> api.get(dora.backups(), dora.token()), a -> a.status() == 200);
    }

    private static void uploadAgainOnceTheLeaseHasRunOut() throws Exception {
        // the failed upload could not release its lock while the database was away; the lease frees it
        Answer again = Timed.until(LEASE.plusSeconds(20), () -> api.postBytes(dora.backups() + "/upload",
                dora.token(), multiChunkFile, "application/octet-stream"), answer -> answer.status() != 428);
        long id = created(again);
        assertThat(api.delete(dora.backups() + "/" + id, dora.token()).status()).isEqualTo(200);
    }

    private static CompletableFuture<Answer> uploadAsync() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return api.postBytes(dora.backups() + "/upload", dora.token(), multiChunkFile,
                        "application/octet-stream");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void awaitOutput(PanelProcess process, String text, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!process.output().contains(text)) {
            assertThat(Instant.now()).as("waiting for '%s' in the panel's output", text).isBefore(deadline);
            assertThat(process.isAlive()).as("the panel exited:%n%s", process.output()).isTrue();
            Thread.sleep(250);
        }
    }

    private static String[] panelArgs(String... more) {
        List<String> args = new ArrayList<>(db.panelArgs());
        args.addAll(List.of("--panel.plugins.teamspeak.command-timeout-ms=5000",
                "--panel.plugins.teamspeak.connect-timeout-ms=2000",
                "--panel.plugins.teamspeak.flood-rate=unlimited"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static long created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.data().path("snapshot").path("id").asLong();
    }
}
