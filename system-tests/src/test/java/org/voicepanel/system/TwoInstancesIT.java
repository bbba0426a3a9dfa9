package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;

/**
 * Two panel instances on one MariaDB, as behind a load balancer: creates, uploads, restores and
 * deletes on one service from both at once. Exactly one runs at a time, every other gets 428
 * SERVICE_BUSY, reads go on, and nothing is lost; files, logins and revocations hold on both.
 */
class TwoInstancesIT {

    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final int SLOTS = 12;
    private static final int REQUESTS_PER_INSTANCE = 3;

    private static ExternalMariaDb db;
    private static ServerQuerySimulator simulator;
    private static PanelProcess one;
    private static PanelProcess two;
    private static PanelApi apiOne;
    private static PanelApi apiTwo;
    private static Customer erin;
    private static long canary;

    @BeforeAll
    static void start() throws Exception {
        db = ExternalMariaDb.start("two-instances");
        simulator = ServerQuerySimulator.start(0);
        // both at once on an empty database: migrations and the admin token race, as in a real roll-out
        CompletableFuture<PanelProcess> first = startAsync("instance-one");
        CompletableFuture<PanelProcess> second = startAsync("instance-two");
        one = first.get(3, TimeUnit.MINUTES);
        two = second.get(3, TimeUnit.MINUTES);
        apiOne = new PanelApi(one.baseUrl());
        apiTwo = new PanelApi(two.baseUrl());
        erin = apiOne.customer("erin", simulator.port(), SLOTS);
        canary = created(apiTwo.post(erin.backups(), erin.token()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (PanelProcess panel : new PanelProcess[] {one, two}) {
            if (panel != null) {
                panel.close();
            }
        }
        if (simulator != null) {
            simulator.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void bothInstancesStartedTogetherOnAnEmptyDatabaseServeTheSameData() throws IOException {
        assertThat(one.output()).doesNotContain("Application run failed");
        assertThat(two.output()).doesNotContain("Application run failed");
        SnapshotLedger.of(apiOne, erin).assertUnchanged(apiTwo, erin);
    }

    @Test
    void concurrentCreatesFromBothInstancesRunOneAtATime() throws Exception {
        SnapshotLedger before = SnapshotLedger.of(apiOne, erin);
        simulator.delay("serversnapshotcreate", Duration.ofSeconds(2));

        List<Answer> answers = allAtOnce(api -> api.post(erin.backups(), erin.token()));

        assertOneRanAndTheOthersWereBusy(answers, 201);
        assertThat(simulator.commandCount("serversnapshotcreate")).isEqualTo(1);
        SnapshotLedger after = SnapshotLedger.of(apiTwo, erin);
        assertThat(after.size()).isEqualTo(before.size() + 1);
        after.assertUnchanged(apiOne, erin);
        deleteNewest(after, before);
    }

    @Test
    void concurrentRestoresFromBothInstancesDeployOnce() throws Exception {
        SnapshotLedger before = SnapshotLedger.of(apiOne, erin);
        simulator.delay("serversnapshotdeploy", Duration.ofSeconds(2));

        List<Answer> answers = allAtOnce(api -> api.post(erin.backups() + "/" + canary + "/restore", erin.token()));

        assertOneRanAndTheOthersWereBusy(answers, 200);
        assertThat(simulator.deployCount()).isEqualTo(1);
        before.assertUnchanged(apiTwo, erin);
    }

    @Test
    void concurrentDeletesOfOneSnapshotFromBothInstancesDeleteItOnce() throws Exception {
        long doomed = created(apiOne.post(erin.backups(), erin.token()));
        SnapshotLedger before = SnapshotLedger.of(apiOne, erin);

        List<Answer> answers = allAtOnce(api -> api.delete(erin.backups() + "/" + doomed, erin.token()));
        observed(answers);

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 200)
                .allSatisfy(answer -> assertThat(answer.code()).isIn("SERVICE_BUSY", "SNAPSHOT_NOT_FOUND"));
        SnapshotLedger after = SnapshotLedger.of(apiTwo, erin);
        assertThat(after.files()).doesNotContainKey(doomed).hasSize(before.size() - 1);
        after.files().forEach((id, file) -> assertThat(file).isEqualTo(before.files().get(id)));
    }

    @Test
    void whileOneInstanceRestoresEveryWriteOnEitherIsRefusedAndReadsGoOn() throws Exception {
        SnapshotLedger before = SnapshotLedger.of(apiOne, erin);
        byte[] file = before.files().get(canary);
        // longer than the lease: the running instance must renew its lock; long enough for the requests below
        simulator.delay("serversnapshotdeploy", LEASE.multipliedBy(3));
        CompletableFuture<Answer> restore = CompletableFuture.supplyAsync(
                () -> call(() -> apiOne.post(erin.backups() + "/" + canary + "/restore", erin.token())));
        awaitDeployArrived();
        Thread.sleep(LEASE.plusSeconds(1).toMillis());

        List<Answer> refused = new ArrayList<>();
        for (PanelApi api : List.of(apiOne, apiTwo)) {
            refused.add(api.post(erin.backups(), erin.token()));
            refused.add(api.postBytes(erin.backups() + "/upload", erin.token(), file, "application/octet-stream"));
            refused.add(api.post(erin.backups() + "/" + canary + "/restore", erin.token()));
            refused.add(api.delete(erin.backups() + "/" + canary, erin.token()));
            assertThat(api.get(erin.backups(), erin.token()).status()).isEqualTo(200);
            assertThat(api.get(erin.backups() + "/" + canary, erin.token()).status()).isEqualTo(200);
        }
        Answer restored = restore.get(1, TimeUnit.MINUTES);

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(428);
            assertThat(answer.code()).isEqualTo("SERVICE_BUSY");
            assertThat(answer.json().path("message").asString()).contains("(restore)");
        });
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(simulator.deployCount()).isEqualTo(1);
        assertThat(simulator.commandCount("serversnapshotcreate")).isZero();
        before.assertUnchanged(apiTwo, erin);
    }

    @Test
    void fileDownloadedFromOneInstanceUploadsAndRestoresThroughTheOther() throws IOException {
        byte[] file = apiOne.get(erin.backups() + "/" + canary, erin.token(), "Accept", "application/octet-stream").body();

        long uploaded = created(apiTwo.postBytes(erin.backups() + "/upload", erin.token(), file,
                "application/octet-stream"));
        Answer restored = apiOne.post(erin.backups() + "/" + uploaded + "/restore", erin.token());

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        // sealed anew when stored (a fresh nonce), so the same snapshot inside, not the same bytes
        byte[] stored = apiOne.get(erin.backups() + "/" + uploaded, erin.token(), "Accept", "application/octet-stream")
                .body();
        assertThat(payloadOf(stored)).isEqualTo(payloadOf(file));
        assertThat(apiTwo.delete(erin.backups() + "/" + uploaded, erin.token()).status()).isEqualTo(200);
    }

    @Test
    void failedLoginsOnOneInstanceThrottleTheNameOnTheOther() throws Exception {
        apiOne.postJson("/admin/users", PanelProcess.ADMIN_TOKEN, java.util.Map.of("name", "finn", "password",
                "finn-password"));
        Answer failure = null;
        for (int i = 0; i < 10 && (failure == null || failure.status() == 401); i++) {
            failure = new BrowserSession(one.baseUrl()).logIn("finn", "guess-" + i);
        }
        Answer right = new BrowserSession(two.baseUrl()).logIn("finn", "finn-password");

        assertThat(failure.status()).as(failure.toString()).isEqualTo(429);
        assertThat(right.status()).as(right.toString()).isEqualTo(429);
        assertThat(right.response().headers().firstValue("Retry-After")).isPresent();
        assertThat(db.number("SELECT failures FROM login_failure WHERE subject = 'user:finn'")).isEqualTo(5);
    }

    @Test
    void loginAndRevocationOnOneInstanceHoldOnTheOther() throws IOException {
        BrowserSession browser = new BrowserSession(one.baseUrl());
        Answer login = browser.logIn("erin", "erin-password");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        BrowserSession sameCookiesOnTwo = new BrowserSession(two.baseUrl());
        browser.cookie("SESSION").ifPresent(session -> sameCookiesOnTwo.plant("SESSION", session));
        assertThat(sameCookiesOnTwo.get("/session").status()).isEqualTo(200);
        assertThat(sameCookiesOnTwo.get("/services/" + erin.serviceId() + "/voiceservers/backup").status())
                .isEqualTo(200);

        PanelApi.Grant grant = apiOne.grant(erin.userId(), List.of("ROLE_WEBINTERFACE_BACKUPS_READ"));
        assertThat(apiTwo.get(erin.backups(), grant.token()).status()).isEqualTo(200);
        assertThat(apiOne.delete("/admin/tokens/" + grant.id(), PanelProcess.ADMIN_TOKEN).status()).isEqualTo(200);
        Answer revoked = apiTwo.get(erin.backups(), grant.token());
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.code()).isEqualTo("UNAUTHENTICATED");
    }

    interface ApiCall {
        Answer run(PanelApi api) throws IOException;
    }

    /** The same request from both instances, released together. */
    private static List<Answer> allAtOnce(ApiCall call) throws Exception {
        int count = 2 * REQUESTS_PER_INSTANCE;
        CyclicBarrier start = new CyclicBarrier(count);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PanelApi api = i % 2 == 0 ? apiOne : apiTwo;
                Callable<Answer> task = () -> {
                    start.await();
                    return call.run(api);
                };
                futures.add(pool.submit(task));
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

    private static void assertOneRanAndTheOthersWereBusy(List<Answer> answers, int success) {
        observed(answers);
        assertThat(answers).filteredOn(answer -> answer.status() == success).as(answers.toString()).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != success).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(428);
            assertThat(answer.code()).isEqualTo("SERVICE_BUSY");
        });
    }

    /** The answers as counts, such as {@code 1 x 201, 5 x 428 SERVICE_BUSY}, for docs/reliability.md. */
    private static void observed(List<Answer> answers) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (Answer answer : answers) {
            counts.merge(answer.status() + (answer.status() >= 400 ? " " + answer.code() : ""), 1L, Long::sum);
        }
        String test = StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getMethodName)
                .filter(name -> !name.startsWith("lambda$") && !name.equals("observed")
                        && !name.equals("assertOneRanAndTheOthersWereBusy")).findFirst().orElse("?"));
        System.out.printf("OBSERVED | TwoInstancesIT#%s | %d requests from both instances | %s%n", test,
                answers.size(), counts.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey())
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    private static void awaitDeployArrived() throws InterruptedException {
        for (int i = 0; i < 100 && simulator.deployCount() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(simulator.deployCount()).isEqualTo(1);
    }

    private static void deleteNewest(SnapshotLedger after, SnapshotLedger before) throws IOException {
        for (Long id : after.files().keySet()) {
            if (!before.files().containsKey(id)) {
                assertThat(apiOne.delete(erin.backups() + "/" + id, erin.token()).status()).isEqualTo(200);
            }
        }
    }

    private static CompletableFuture<PanelProcess> startAsync(String name) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> args = new ArrayList<>(db.panelArgs());
            args.addAll(List.of("--panel.lock-lease=" + LEASE.toSeconds() + "s",
                    "--panel.plugins.teamspeak.command-timeout-ms=20000",
                    "--panel.plugins.teamspeak.connect-timeout-ms=3000",
                    "--panel.plugins.teamspeak.flood-rate=unlimited"));
            try {
                return PanelProcess.start(name, args.toArray(String[]::new));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static Answer call(Timed.Call call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] payloadOf(byte[] file) throws IOException {
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
        PanelKeys.panelSealer().unseal(new java.io.ByteArrayInputStream(file), payload);
        return payload.toByteArray();
    }

    private static long created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.data().path("snapshot").path("id").asLong();
    }
}
