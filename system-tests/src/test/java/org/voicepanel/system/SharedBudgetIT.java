package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;

/**
 * Two panel instances on one MariaDB share what must be panel-wide: each user's hourly request
 * budget (headers on every authenticated answer, 429 over it on either instance) and the audit
 * trail's retention, which one instance at a time prunes.
 */
class SharedBudgetIT {

    private static final int BUDGET = 8;
    /** The admin's budget: room for the setup and the polling below. */
    private static final int ADMIN_BUDGET = 1000;

    private static ExternalMariaDb db;
    private static ServerQuerySimulator simulator;
    private static PanelProcess one;
    private static PanelProcess two;
    private static PanelApi apiOne;
    private static PanelApi apiTwo;

    @BeforeAll
    static void start() throws Exception {
        db = ExternalMariaDb.start("shared-budget");
        simulator = ServerQuerySimulator.start(0);
        CompletableFuture<PanelProcess> first = startAsync("budget-one");
        CompletableFuture<PanelProcess> second = startAsync("budget-two");
        one = first.get(3, TimeUnit.MINUTES);
        two = second.get(3, TimeUnit.MINUTES);
        apiOne = new PanelApi(one.baseUrl());
        apiTwo = new PanelApi(two.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(one, two, simulator, db);
    }

    @Test
    void bothInstancesSpendOneBudgetAndRefuseWith429OverIt() throws IOException {
        Customer ivy = apiOne.customer("ivy", simulator.port(), 8);
        List<Answer> answers = spendWholeBudget(ivy);
        if (answers.stream().map(answer -> header(answer, "X-RateLimit-Reset")).distinct().count() > 1) {
            // the clock hour turned during the run and a fresh budget began: once more, within one hour
            answers = spendWholeBudget(apiOne.customer("ivy-again", simulator.port(), 8));
        }

        for (int i = 0; i < BUDGET; i++) {
            Answer answer = answers.get(i);
            assertThat(answer.status()).as(answer.toString()).isIn(200, 404);
            assertThat(header(answer, "X-RateLimit-Limit")).isEqualTo(Integer.toString(BUDGET));
            assertThat(header(answer, "X-RateLimit-Remaining")).isEqualTo(Integer.toString(BUDGET - 1 - i));
        }
        long reset = Long.parseLong(header(answers.get(0), "X-RateLimit-Reset"));
        long now = Instant.now().getEpochSecond();
        assertThat(reset % 3600).isZero();
        assertThat(reset).isGreaterThan(now).isLessThanOrEqualTo(now + 3600);
        for (Answer refused : answers.subList(BUDGET, answers.size())) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.code()).isEqualTo("RATE_LIMITED");
            assertThat(refused.json().path("message").asString()).contains(BUDGET + " requests of this hour");
            assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");
            long retryAfter = Long.parseLong(header(refused, "Retry-After"));
            assertThat(retryAfter).isPositive().isLessThanOrEqualTo(3600);
        }
        // the admin's budget is its own; a call without a caller spends nothing and carries no headers
        Answer admin = apiTwo.get("/admin/plugins", PanelProcess.ADMIN_TOKEN);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(header(admin, "X-RateLimit-Limit")).isEqualTo(Integer.toString(ADMIN_BUDGET));
        Answer anonymous = apiOne.get("/services", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.response().headers().firstValue("X-RateLimit-Limit")).isEmpty();
    }

    @Test
    void aTokenRevokedOnOneInstanceIsRefusedOnTheOtherAtItsNextRequest() throws IOException {
        Customer kim = apiOne.customer("kim", simulator.port(), 8);
        PanelApi.Grant second = apiOne.grant(kim.userId(), List.of("ROLE_WEBINTERFACE_BACKUPS_READ"));
        // each instance has authenticated the token, and remembers its caller
        Answer first = apiOne.get(kim.backups(), second.token());
        assertThat(first.status()).isEqualTo(200);
        assertThat(apiTwo.get(kim.backups(), second.token()).status()).isEqualTo(200);

        assertThat(apiOne.delete("/admin/tokens/" + second.id(), PanelProcess.ADMIN_TOKEN).status()).isEqualTo(200);

        Answer refused = apiTwo.get(kim.backups(), second.token());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(refused.response().headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        // the refusal spent nothing: the user's other token finds two of the eight requests spent, and its own
        Answer other = apiTwo.get(kim.backups(), kim.token());
        assertThat(other.status()).isEqualTo(200);
        if (header(other, "X-RateLimit-Reset").equals(header(first, "X-RateLimit-Reset"))) {
            assertThat(header(other, "X-RateLimit-Remaining")).isEqualTo(Integer.toString(BUDGET - 3));
        }
    }

    @Test
    void retentionPrunesOldEntriesOnceForAllInstancesAndKeepsRecentOnes() throws Exception {
        Customer jon = apiTwo.customer("jon", simulator.port(), 8);
        assertThat(apiTwo.post(jon.backups(), jon.token()).status()).isEqualTo(201);
        int old = db.update("INSERT INTO audit_log (created_at, service_id, user_id, user_name, category, action,"
                + " message, result, http_status, client_address, via, duration_ms) SELECT"
                + " UTC_TIMESTAMP(3) - INTERVAL 2 DAY, " + jon.serviceId() + ", " + jon.userId() + ", 'jon', 'backup',"
                + " 'download', 'Snapshot 1 downloaded.', 'success', 200, '127.0.0.1', 'token', 1 FROM seq_1_to_3");
        assertThat(old).isEqualTo(3);
        // polled as the admin: jon's own budget is small
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (logCount(jon) > 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }

        String reader = apiTwo.token(jon.userId(), List.of("ROLE_WEBINTERFACE_LOGS_READ"));
        assertThat(apiOne.get("/services/" + jon.serviceId() + "/logs", reader).data().path("logs"))
                .extracting(entry -> entry.path("action").asString()).containsExactly("create", "service_create");
        assertThat(db.rows("SELECT name FROM chore_lease")).containsExactly("audit-retention");
    }

    private static List<Answer> spendWholeBudget(Customer customer) throws IOException {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < BUDGET + 2; i++) {
            PanelApi api = i % 2 == 0 ? apiOne : apiTwo;
            // reads and refusals alike spend the budget: every third call asks for a missing snapshot
            answers.add(api.get(i % 3 == 2 ? customer.backups() + "/999999" : customer.backups(), customer.token()));
        }
        return answers;
    }

    private static int logCount(Customer customer) throws IOException {
        return apiOne.get("/admin/logs?service_id=" + customer.serviceId(), PanelProcess.ADMIN_TOKEN).data()
                .path("log_count").asInt();
    }

    private static String header(Answer answer, String name) {
        return answer.response().headers().firstValue(name).orElse("");
    }

    private static CompletableFuture<PanelProcess> startAsync(String name) {
        List<String> args = new ArrayList<>(db.panelArgs());
        args.addAll(List.of("--panel.rate-limit.requests-per-hour=" + BUDGET,
                "--panel.rate-limit.admin-requests-per-hour=" + ADMIN_BUDGET,
                "--panel.audit.retention=P1D", "--panel.audit.prune-interval=PT1S"));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return PanelProcess.start(name, args.toArray(String[]::new));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
