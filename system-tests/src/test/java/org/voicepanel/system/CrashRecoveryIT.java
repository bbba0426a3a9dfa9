package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;

/**
 * The panel process is killed with SIGKILL (no shutdown hook, no cleanup) in the middle of an
 * upload and of a restore. After a restart no partial snapshot is visible, no deploy is sent
 * again, and each service's lock is free once its lease has run out. With the default embedded
 * database the restarted panel takes over the data folder that its killed predecessor's MariaDB
 * still held.
 */
class CrashRecoveryIT {

    /** Long enough that the restarted panel still finds the killed one's locks; short enough to wait out. */
    private static final Duration LEASE = Duration.ofSeconds(40);

    private static ExternalMariaDb db;
    private static ServerQuerySimulator simulator;

    @BeforeAll
    static void start() {
        db = ExternalMariaDb.start("crash");
        simulator = ServerQuerySimulator.start(0);
        simulator.virtualServer(2);
        simulator.virtualServer(3);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(simulator, db);
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void killedDuringAnUploadAndARestoreLeavesNoPartialSnapshotAndFreesTheLocksAfterTheirLease() throws Exception {
        try (PanelProcess panel = PanelProcess.start("crash", panelArgs())) {
            PanelApi api = new PanelApi(panel.baseUrl());
            Customer fay = api.customer("fay", simulator.port(), 10, 1);
            Customer gus = api.customer("gus", simulator.port(), 10, 2);
            byte[] file = api.get(fay.backups() + "/" + created(api.post(fay.backups(), fay.token())), fay.token(),
                    "Accept", "application/octet-stream").body();
            long gusSnapshot = created(api.post(gus.backups(), gus.token()));
            SnapshotLedger fayBefore = SnapshotLedger.of(api, fay);
            SnapshotLedger gusBefore = SnapshotLedger.of(api, gus);
            long rowsBefore = db.number("SELECT COUNT(*) FROM ts3_snapshot");

            CompletableFuture<Answer> upload;
            CompletableFuture<Answer> restore;
            // fay's upload inserts its snapshot row and then waits at its first chunk, inside its transaction
            Connection holder = db.holdFirstChunkOfNextSnapshot();
            try {
                upload = async(() -> api.postBytes(fay.backups() + "/upload", fay.token(), file,
                        "application/octet-stream"));
                db.awaitSnapshotWriteWaiting(Duration.ofSeconds(30));
                // gus's restore has sent its deploy, which the voice server takes its time to answer
                simulator.delay("serversnapshotdeploy", Duration.ofMinutes(2));
                restore = async(() -> api.post(gus.backups() + "/" + gusSnapshot + "/restore", gus.token()));
                awaitDeploys(1);
                assertThat(db.rows("SELECT service_id, operation FROM service_lock ORDER BY service_id"))
                        .containsExactly(fay.serviceId() + " | UPLOAD", gus.serviceId() + " | RESTORE");

                panel.kill();
            } finally {
                ExternalMariaDb.closeQuietly(holder);
            }

            assertThat(upload).failsWithin(Duration.ofSeconds(10));
            assertThat(restore).failsWithin(Duration.ofSeconds(10));
            assertThat(db.number("SELECT COUNT(*) FROM ts3_snapshot")).as("snapshot rows").isEqualTo(rowsBefore);
            assertThat(db.damagedSnapshotRows()).as("orphan chunks and partial rows").isZero();
            simulator.reset();

            Instant restarted = restartAndTime(panel);
            // the killed panel's locks outlive it until their lease runs out
            long leftOnLocks = secondsLeftOnLocks();
            assertThat(leftOnLocks).as("the restart outran the lease").isPositive();
            Answer busyUpload = api.postBytes(fay.backups() + "/upload", fay.token(), file, "application/octet-stream");
            Answer busyRestore = api.post(gus.backups() + "/" + gusSnapshot + "/restore", gus.token());
            assertThat(busyUpload.code()).as(busyUpload.toString()).isEqualTo("SERVICE_BUSY");
            assertThat(busyRestore.code()).as(busyRestore.toString()).isEqualTo("SERVICE_BUSY");
            fayBefore.assertUnchanged(api, fay);
            gusBefore.assertUnchanged(api, gus);
            assertThat(simulator.deployCount()).as("deploys sent again after the restart").isZero();

            Answer freed = Timed.until(LEASE.plusSeconds(15), () -> api.post(gus.backups() + "/" + gusSnapshot
                    + "/restore", gus.token()), answer -> answer.status() != 428);
            assertThat(freed.status()).as(freed.toString()).isEqualTo(200);
            Duration waited = Duration.between(restarted, Instant.now());
            assertThat(waited).isLessThan(LEASE.plusSeconds(15));
            System.out.printf("OBSERVED | CrashRecoveryIT#killedDuringAnUploadAndARestore | after the restart | "
                    + "upload %s, restore %s; locks held %d s more; restore worked again %d s after the restart%n",
                    busyUpload.code(), busyRestore.code(), leftOnLocks, waited.toSeconds());
            long uploaded = created(api.postBytes(fay.backups() + "/upload", fay.token(), file,
                    "application/octet-stream"));
            assertThat(api.get(fay.backups() + "/" + uploaded, fay.token(), "Accept", "application/octet-stream")
                    .status()).isEqualTo(200);
            assertThat(db.damagedSnapshotRows()).isZero();
        }
    }

    @Test
    void killedPanelWithTheEmbeddedDatabaseStartsAgainOnItsData() throws Exception {
        try (PanelProcess panel = PanelProcess.start("crash-embedded", "--panel.lock-lease=5s",
                "--panel.plugins.teamspeak.flood-rate=unlimited")) {
            PanelApi api = new PanelApi(panel.baseUrl());
            Customer hal = api.customer("hal", simulator.port(), 10, 3);
            created(api.post(hal.backups(), hal.token()));
            SnapshotLedger before = SnapshotLedger.of(api, hal);
            List<ProcessHandle> database = panel.children();
            assertThat(database).as("the embedded MariaDB").isNotEmpty();

            panel.kill();
            assertThat(database).as("a killed JVM leaves its MariaDB running").anyMatch(ProcessHandle::isAlive);
            panel.startAgain();

            assertThat(database).as("the leftover MariaDB was shut down").noneMatch(ProcessHandle::isAlive);
            assertThat(panel.output()).contains("left running by an earlier panel process");
            before.assertUnchanged(api, hal);
            Answer restored = api.post(hal.backups() + "/" + before.files().keySet().iterator().next() + "/restore",
                    hal.token());
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        }
    }

    private static Instant restartAndTime(PanelProcess panel) throws IOException {
        panel.startAgain();
        return Instant.now();
    }

    private static long secondsLeftOnLocks() throws SQLException {
        return db.number("SELECT MIN(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(3), expires_at)) FROM service_lock");
    }

    private static void awaitDeploys(int count) throws InterruptedException {
        for (int i = 0; i < 200 && simulator.deployCount() < count; i++) {
            Thread.sleep(100);
        }
        assertThat(simulator.deployCount()).isEqualTo(count);
    }

    private static CompletableFuture<Answer> async(Timed.Call call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String[] panelArgs() {
        List<String> args = new ArrayList<>(db.panelArgs());
        args.addAll(List.of("--panel.lock-lease=" + LEASE.toSeconds() + "s",
                "--panel.plugins.teamspeak.command-timeout-ms=180000",
                "--panel.plugins.teamspeak.flood-rate=unlimited"));
        return args.toArray(String[]::new);
    }

    private static long created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.data().path("snapshot").path("id").asLong();
    }
}
