package org.voicepanel.system.galera;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.voicepanel.system.BrowserSession;
import org.voicepanel.system.MovedClock;
import org.voicepanel.system.PanelApi;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.system.PanelProcess;
import org.voicepanel.system.Resources;
import org.voicepanel.system.SnapshotLedger;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;

/**
 * Panels on different nodes of a three-node MariaDB Galera cluster (docs/operations.md): panel A on
 * node 1, panel B on node 2. First starts of several panels at once on an empty database, the
 * service lock across nodes, reads right after a write on the other node (snapshots, token
 * revocations), one web session used on both panels at once, a node killed during a write, and
 * scheduled backups run by both panels, their clock moved by the test. One cluster for the class.
 */
class GaleraIT {

    private static final int SLOTS = 12;
    private static final String DATABASE = "panel";
    private static final Duration SCHEDULE_JITTER = Duration.ofMinutes(2);

    private static GaleraCluster cluster;
    private static ServerQuerySimulator simulator;
    private static GaleraPanels first;
    private static PanelProcess a;
    private static PanelProcess b;
    private static PanelApi apiA;
    private static PanelApi apiB;
    private static Customer erin;
    private static long canary;
    private static byte[] multiChunkFile;
    private static MovedClock clock;
    private static Instant due;

    @BeforeAll
    static void start() throws Exception {
        Path buildDir = Path.of(System.getProperty("panel.build.dir", "target"));
        cluster = GaleraCluster.start(buildDir, 3);
        simulator = ServerQuerySimulator.start(0);
        clock = new MovedClock(buildDir.resolve("panels").resolve("galera-clock-" + System.nanoTime())
                .resolve("offset"));
        first = GaleraPanels.onceTheDatabaseExists(cluster, DATABASE, List.of(cluster.node(1), cluster.node(2)),
                clock.panelArg(), "--panel.backups.polling-interval=200ms", "--panel.backups.heartbeat-interval=2s",
                "--panel.backups.busy-retry=2s", "--panel.backups.jitter=" + SCHEDULE_JITTER.toSeconds() + "s");
        a = first.panels().get(0);
        b = first.panels().get(1);
        apiA = new PanelApi(a.baseUrl());
        apiB = new PanelApi(b.baseUrl());
        erin = apiA.customer("erin", simulator.port(), SLOTS);
        canary = created(apiB.post(erin.backups(), erin.token()));
        simulator.virtualServer(1).addChannels(2500, 1000);
        long big = created(apiA.post(erin.backups(), erin.token()));
        multiChunkFile = apiA.get(erin.backups() + "/" + big, erin.token(), "Accept", "application/octet-stream").body();
        assertThat(multiChunkFile.length).isGreaterThan(1024 * 1024);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(first, simulator, cluster);
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void panelsStartingTogetherOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        assertMigratedOnce(DATABASE, List.of(a, b));
        // twice more, on other pairs of nodes, let in at the same instant
        int round = 2;
        for (List<Integer> pair : List.of(List.of(2, 3), List.of(3, 1))) {
            String database = "first_start_" + round++;
            try (GaleraPanels panels = GaleraPanels.atTheSameInstant(database,
                    pair.stream().map(cluster::node).toList())) {
                assertMigratedOnce(database, panels.panels());
            }
        }
    }

    @Test
    void concurrentCreatesThroughBothNodesRunOneAtATime() throws Exception {
        SnapshotLedger before = SnapshotLedger.of(apiA, erin);
        simulator.delay("serversnapshotcreate", Duration.ofSeconds(2));

        List<Answer> answers = allAtOnce(api -> api.post(erin.backups(), erin.token()));

        observed("concurrentCreatesThroughBothNodesRunOneAtATime", answers);
        assertThat(answers).filteredOn(answer -> answer.status() == 201).as(answers.toString()).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(428);
            assertThat(answer.code()).isEqualTo("SERVICE_BUSY");
        });
        assertThat(simulator.commandCount("serversnapshotcreate")).isEqualTo(1);
        SnapshotLedger after = SnapshotLedger.of(apiB, erin);
        assertThat(after.size()).isEqualTo(before.size() + 1);
        after.assertUnchanged(apiA, erin);
        for (Long id : after.files().keySet()) {
            if (!before.files().containsKey(id)) {
                assertThat(apiB.delete(erin.backups() + "/" + id, erin.token()).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void scheduledBackupsRunByPanelsOnTwoNodesGiveExactlyOneSnapshotPerServicePerDueTime() throws Exception {
        List<Customer> scheduled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int virtualServer = 10 + i;
            simulator.virtualServer(virtualServer);
            Customer customer = apiA.customer("galera-sched" + i, simulator.port(), SLOTS, virtualServer);
            Answer set = (i % 2 == 0 ? apiA : apiB).putJson(customer.backups() + "/schedule", customer.token(), Map.of(
                    "enabled", true, "time_zone", "Europe/Berlin", "every_hours", 1, "retention", Map.of("keep", 50)));
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            scheduled.add(customer);
        }
        // at least an hour ahead, so real time never reaches a due time by itself
        due = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1));
        int dueTimes = 10;
        for (int step = 0; step < dueTimes; step++) {
            due = due.plus(Duration.ofHours(1));
            clock.set(due.plus(SCHEDULE_JITTER).plus(Duration.ofMinutes(1)));
            for (Customer customer : scheduled) {
                awaitScheduledRun(customer, due);
            }
        }

        for (Customer customer : scheduled) {
            List<Long> snapshots = new ArrayList<>();
            for (JsonNode snapshot : apiB.get(customer.backups(), customer.token()).data().path("snapshots")) {
                if (snapshot.path("origin").asString().equals("scheduled")) {
                    snapshots.add(snapshot.path("snapshot_id").asLong());
                }
            }
            assertThat(snapshots).as("scheduled snapshots of service " + customer.serviceId()).hasSize(dueTimes);
            try (Connection connection = cluster.node(3).connect(DATABASE)) {
                assertThat(number(connection, "SELECT COUNT(*) FROM backup_run WHERE result = 'SUCCEEDED'"
                        + " AND service_id = " + customer.serviceId())).as("runs").isEqualTo(dueTimes);
                assertThat(number(connection, "SELECT COUNT(DISTINCT snapshot_id) FROM backup_run WHERE result ="
                        + " 'SUCCEEDED' AND service_id = " + customer.serviceId())).as("snapshots").isEqualTo(dueTimes);
            }
        }
        System.out.printf("OBSERVED | GaleraIT#scheduledBackups | %d due times x %d services on panels A and B:"
                        + " runs by A %d, by B %d%n", dueTimes, scheduled.size(), runsLogged(a), runsLogged(b));
    }

    /** Waits until the service's last scheduled run is the one due at {@code dueAt}, and succeeded. */
    private static void awaitScheduledRun(Customer customer, Instant dueAt) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonNode last = apiA.get(customer.backups() + "/schedule", customer.token()).data().path("schedule")
                    .path("last_run");
            if (last.path("due_at").asString().equals(dueAt.toString())
                    && last.path("result").asString().equals("succeeded")) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Service " + customer.serviceId() + " did not run for " + dueAt
                        + "; its last run: " + last);
            }
            Thread.sleep(100);
        }
    }

    private static long runsLogged(PanelProcess panel) throws IOException {
        return panel.output().lines().filter(line -> line.contains("Scheduled run of service")
                && line.contains(" starts")).count();
    }

    @Test
    void snapshotStoredThroughOneNodeIsReadAtOnceThroughTheOther() throws IOException {
        for (int i = 0; i < 5; i++) {
            long uploaded = created(apiA.postBytes(erin.backups() + "/upload", erin.token(), multiChunkFile,
                    "application/octet-stream"));
            Answer read = apiB.get(erin.backups() + "/" + uploaded, erin.token(), "Accept", "application/octet-stream");
            assertThat(read.status()).as("read through B right after the upload through A").isEqualTo(200);
            assertThat(read.body()).hasSize(multiChunkFile.length);
            assertThat(apiB.get(erin.backups(), erin.token()).data().toString()).contains("\"snapshot_id\":" + uploaded);

            assertThat(apiB.delete(erin.backups() + "/" + uploaded, erin.token()).status()).isEqualTo(200);
            Answer gone = apiA.get(erin.backups() + "/" + uploaded, erin.token());
            assertThat(gone.status()).as("read through A right after the delete through B").isEqualTo(404);
            assertThat(gone.code()).isEqualTo("SNAPSHOT_NOT_FOUND");
        }
    }

    @Test
    void tokenRevokedThroughOneNodeIsRefusedAtOnceThroughTheOther() throws IOException {
        for (int i = 0; i < 10; i++) {
            PanelApi.Grant grant = apiA.grant(erin.userId(), List.of("ROLE_WEBINTERFACE_BACKUPS_READ"));
            assertThat(apiB.get(erin.backups(), grant.token()).status()).isEqualTo(200);

            assertThat(apiA.delete("/admin/tokens/" + grant.id(), PanelProcess.ADMIN_TOKEN).status()).isEqualTo(200);
            Answer revoked = apiB.get(erin.backups(), grant.token());

            assertThat(revoked.status()).as("B right after A revoked the token").isEqualTo(401);
            assertThat(revoked.code()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void oneWebSessionUsedOnBothPanelsAtOnceAnswersEveryRequest() throws Exception {
        long conflictsBefore = retriedConflicts();
        BrowserSession login = new BrowserSession(a.baseUrl());
        assertThat(login.logIn("erin", "erin-password").status()).isEqualTo(200);
        String session = login.cookie("SESSION").orElseThrow();
        int perPanel = 24;
        CyclicBarrier together = new CyclicBarrier(2 * perPanel);
        ExecutorService pool = Executors.newFixedThreadPool(2 * perPanel);
        List<Answer> answers = new ArrayList<>();
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 2 * perPanel; i++) {
                PanelProcess panel = i % 2 == 0 ? a : b;
                String path = i % 4 < 2 ? "/session" : erin.backups();
                futures.add(pool.submit(() -> {
                    BrowserSession browser = new BrowserSession(panel.baseUrl());
                    browser.plant("SESSION", session);
                    together.await();
                    return browser.get(path);
                }));
            }
            for (Future<Answer> future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        observed("oneWebSessionUsedOnBothPanelsAtOnceAnswersEveryRequest", answers);
        System.out.printf("OBSERVED | GaleraIT#oneWebSessionUsedOnBothPanelsAtOnceAnswersEveryRequest | %d lost"
                + " certifications run again by the panels%n", retriedConflicts() - conflictsBefore);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        BrowserSession later = new BrowserSession(b.baseUrl());
        later.plant("SESSION", session);
        assertThat(later.get("/session").status()).isEqualTo(200);
    }

    @Test
    void nodeKilledDuringAWriteLeavesNothingHalfWrittenAndRejoins() throws Exception {
        SnapshotLedger before = SnapshotLedger.of(apiB, erin);
        Connection holder = holdNextChunks(cluster.node(1));
        CompletableFuture<Answer> upload = CompletableFuture.supplyAsync(() -> call(() -> apiA.postBytes(
                erin.backups() + "/upload", erin.token(), multiChunkFile, "application/octet-stream")));
        awaitChunkWriteWaiting(cluster.node(1), upload);
        Instant killed = Instant.now();
        cluster.node(1).kill();
        closeQuietly(holder);
        Answer cut = upload.get(1, TimeUnit.MINUTES);
        Duration cutAfter = Duration.between(killed, Instant.now());

        Instant asked = Instant.now();
        Answer createOnDeadNode = apiA.post(erin.backups(), erin.token());
        Duration createAnswered = Duration.between(asked, Instant.now());
        System.out.printf("OBSERVED | GaleraIT#nodeKilledDuringAWrite | upload cut by the kill: %d %s after %d ms;"
                        + " create on the dead node: %d %s in %d ms%n", cut.status(), cut.code(), cutAfter.toMillis(),
                createOnDeadNode.status(), createOnDeadNode.code(), createAnswered.toMillis());
        assertThat(cut.status()).as(cut.toString()).isEqualTo(503);
        assertThat(cut.code()).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat(createOnDeadNode.status()).as(createOnDeadNode.toString()).isEqualTo(503);
        assertThat(createOnDeadNode.code()).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat(damagedSnapshotRows()).isZero();
        before.assertUnchanged(apiB, erin);

        // the cut write's lock is left to its lease, which frees the service for B
        Instant lockLeft = Instant.now();
        Answer created = awaitNotBusy(() -> apiB.post(erin.backups(), erin.token()));
        System.out.printf("OBSERVED | GaleraIT#nodeKilledDuringAWrite | B could create again after %d ms%n",
                Duration.between(lockLeft, Instant.now()).toMillis());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        Instant restarted = Instant.now();
        cluster.node(1).restart();
        cluster.awaitSize(3, Duration.ofMinutes(1));
        System.out.printf("OBSERVED | GaleraIT#nodeKilledDuringAWrite | node 1 rejoined (incremental transfer)"
                + " in %d ms%n", Duration.between(restarted, Instant.now()).toMillis());
        assertThat(cluster.node(1).receivedIncrementalTransfer()).isTrue();
        a.awaitHealthy(Duration.ofMinutes(1));
        SnapshotLedger.of(apiB, erin).assertUnchanged(apiA, erin);
        assertThat(created(apiA.postBytes(erin.backups() + "/upload", erin.token(), multiChunkFile,
                "application/octet-stream"))).isPositive();
    }

    private static long retriedConflicts() throws IOException {
        return (a.output() + b.output()).lines().filter(line -> line.contains("lost to a concurrent transaction"))
                .count();
    }

    private static void assertMigratedOnce(String database, List<PanelProcess> panels) throws Exception {
        for (PanelProcess panel : panels) {
            JsonNode plugins = new PanelApi(panel.baseUrl()).get("/admin/plugins", PanelProcess.ADMIN_TOKEN).data()
                    .path("plugins");
            assertThat(plugins.toString()).as(panel.output()).contains("\"id\":\"teamspeak\"")
                    .contains("\"state\":\"STARTED\"").doesNotContain("FAILED");
            assertThat(panel.output()).doesNotContain("Application run failed").doesNotContain("failed migration");
        }
        try (Connection connection = cluster.node(3).connect(database)) {
            for (String history : List.of("flyway_history_host", "flyway_history_teamspeak")) {
                assertThat(number(connection, "SELECT COUNT(*) FROM " + history + " WHERE success = 0"))
                        .as(history + " failed rows").isZero();
                assertThat(number(connection, "SELECT COUNT(version) - COUNT(DISTINCT version) FROM " + history))
                        .as(history + " versions applied twice").isZero();
                assertThat(number(connection, "SELECT COUNT(*) FROM " + history + " WHERE version = '1'"))
                        .as(history + " V1").isEqualTo(1);
            }
            assertThat(number(connection, "SELECT COUNT(*) FROM panel_user WHERE name = 'admin'")).isEqualTo(1);
        }
        long waited = 0;
        for (PanelProcess panel : panels) {
            waited += panel.output().lines().filter(line -> line.contains("is migrating the schema of")).count();
        }
        System.out.printf("OBSERVED | GaleraIT#panelsStartingTogetherOnAnEmptyDatabaseMigrateItOnce | %s: %d panels,"
                + " %d waits for another's migration, every script once%n", database, panels.size(), waited);
    }

    interface ApiCall {
        Answer run(PanelApi api) throws IOException;
    }

    /** The same request, three times through each panel, released together. */
    private static List<Answer> allAtOnce(ApiCall call) throws Exception {
        int count = 6;
        CyclicBarrier start = new CyclicBarrier(count);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PanelApi api = i % 2 == 0 ? apiA : apiB;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.run(api);
                }));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Makes the next snapshot write on {@code node} stop at its first chunk: a transaction of the
     * test's own locks the gap above the last stored snapshot's chunks, so the panel's transaction
     * writes its snapshot row and then waits there, uncommitted, until the node dies.
     */
    private static Connection holdNextChunks(GaleraNode node) throws SQLException {
        Connection holder = node.connect(DATABASE);
        long last = number(holder, "SELECT COALESCE(MAX(id), 0) FROM ts3_snapshot");
        holder.setAutoCommit(false);
        // only the chunk table is locked: the panel's snapshot row goes in, its first chunk waits
        try (Statement statement = holder.createStatement()) {
            statement.executeQuery("SELECT snapshot_id FROM ts3_snapshot_chunk WHERE snapshot_id > " + last
                    + " FOR UPDATE").close();
        }
        return holder;
    }

    private static void awaitChunkWriteWaiting(GaleraNode node, CompletableFuture<Answer> upload)
            throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        try (Connection look = node.connect(DATABASE); Statement statement = look.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                if (upload.isDone()) {
                    throw new AssertionError("the upload ended before it reached its first chunk: " + upload.join());
                }
                // only the panel's write can wait: nothing else takes the test's lock. Its statement in the
                // process list as well, since the transaction list did not always show the wait in time
                try (ResultSet rs = statement.executeQuery("SELECT (SELECT COUNT(*) FROM information_schema.innodb_trx"
                        + " WHERE trx_state = 'LOCK WAIT') + (SELECT COUNT(*) FROM information_schema.processlist"
                        + " WHERE info LIKE 'INSERT INTO ts3_snapshot_chunk%')")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no snapshot write reached its first chunk");
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // it went with the node
        }
    }

    private static Answer awaitNotBusy(Call call) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(GaleraPanels.LEASE.multipliedBy(5));
        while (true) {
            Answer answer = call.run();
            if (answer.status() != 428 || Instant.now().isAfter(deadline)) {
                return answer;
            }
            Thread.sleep(200);
        }
    }

    interface Call {
        Answer run() throws IOException;
    }

    private static long damagedSnapshotRows() throws SQLException {
        try (Connection connection = cluster.node(2).connect(DATABASE)) {
            return number(connection, "SELECT (SELECT COUNT(*) FROM ts3_snapshot_chunk c"
                    + " LEFT JOIN ts3_snapshot s ON s.id = c.snapshot_id WHERE s.id IS NULL)"
                    + " + (SELECT COUNT(*) FROM ts3_snapshot s WHERE s.chunk_count = 0 OR s.sha256 = ''"
                    + " OR s.chunk_count <> (SELECT COUNT(*) FROM ts3_snapshot_chunk c WHERE c.snapshot_id = s.id))");
        }
    }

    private static long number(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void observed(String test, List<Answer> answers) {
        Map<String, Long> counts = new TreeMap<>();
        for (Answer answer : answers) {
            counts.merge(answer.status() + (answer.status() >= 400 ? " " + answer.code() : ""), 1L, Long::sum);
        }
        System.out.printf("OBSERVED | GaleraIT#%s | %d requests through both panels | %s%n", test, answers.size(),
                counts.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey())
                        .collect(Collectors.joining(", ")));
    }

    private static Answer call(Call call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.data().path("snapshot").path("id").asLong();
    }
}
