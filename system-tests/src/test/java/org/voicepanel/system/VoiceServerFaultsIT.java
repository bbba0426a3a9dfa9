package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import org.voicepanel.teamspeak.simulator.VirtualServer;

/**
 * The voice server misbehaves: refuses, hangs, answers slowly, drops the connection mid-reply,
 * floods, or answers errors. The panel answers within its timeouts with the contract's error,
 * never sends a deploy twice, and every stored snapshot stays exactly as it was.
 *
 * <p>The panel runs with a 3 s command timeout and a 1.5 s connect timeout (which also bounds the
 * short commands: login, use, serverinfo, serveredit), so "past the timeout" costs seconds.
 */
class VoiceServerFaultsIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(3000);
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1500);
    /** What the HTTP round trip and a busy two-core machine may add to a panel's deadline. */
    private static final Duration SLACK = Duration.ofMillis(3000);
    private static final int SLOTS = 24;

    private static ServerQuerySimulator simulator;
    private static PanelProcess panel;
    private static PanelApi api;
    private static Customer carol;
    private static long canary;
    private static SnapshotLedger before;

    @BeforeAll
    static void start() throws IOException {
        simulator = ServerQuerySimulator.start(0);
        panel = PanelProcess.start("voice-faults",
                "--panel.plugins.teamspeak.command-timeout-ms=" + COMMAND_TIMEOUT.toMillis(),
                "--panel.plugins.teamspeak.connect-timeout-ms=" + CONNECT_TIMEOUT.toMillis(),
                "--panel.plugins.teamspeak.flood-rate=unlimited");
        api = new PanelApi(panel.baseUrl());
        carol = api.customer("carol", simulator.port(), SLOTS);
        canary = created(api.post(carol.backups(), carol.token()));
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(panel, simulator);
    }

    @BeforeEach
    void recordWhatIsStored() throws IOException {
        simulator.reset();
        pointServiceAt(simulator.port());
        before = SnapshotLedger.of(api, carol);
    }

    @AfterEach
    void nothingWasLostAndTheServiceStillWorks() throws Exception {
        simulator.reset();
        pointServiceAt(simulator.port());
        before.assertUnchanged(api, carol);
        Answer restored = api.post(carol.backups() + "/" + canary + "/restore", carol.token());
        assertThat(restored.status()).as("a restore after the fault: %s", restored).isEqualTo(200);
    }

    @Test
    void refusedConnectionAnswers503AtOnce() throws IOException {
        pointServiceAt(closedPort());

        Timed create = Timed.of(() -> api.post(carol.backups(), carol.token()));
        Timed restore = Timed.of(() -> api.post(carol.backups() + "/" + canary + "/restore", carol.token()));

        for (Timed call : new Timed[] {create, restore}) {
            assertThat(call.answer().status()).as(call.answer().toString()).isEqualTo(503);
            assertThat(call.answer().code()).isEqualTo("VOICESERVER_UNAVAILABLE");
            assertThat(call.answer().json().path("message").asString()).contains("refused the connection");
            assertThat(call.took()).isLessThan(SLACK);
        }
        before.assertUnchanged(api, carol);
    }

    @Test
    void serverThatAcceptsAndNeverGreetsAnswers503WithinTheConnectTimeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            pointServiceAt(silent.port());

            Timed create = Timed.of(() -> api.post(carol.backups(), carol.token()));
            Timed restore = Timed.of(() -> api.post(carol.backups() + "/" + canary + "/restore", carol.token()));
            Timed overview = Timed.of(() -> api.get("/services/" + carol.serviceId() + "/voiceservers", carol.token()));

            for (Timed call : new Timed[] {create, restore}) {
                assertThat(call.answer().status()).as(call.answer().toString()).isEqualTo(503);
                assertThat(call.answer().code()).isEqualTo("VOICESERVER_UNAVAILABLE");
                assertThat(call.answer().json().path("message").asString()).contains("did not answer");
                assertThat(call.took()).isLessThan(CONNECT_TIMEOUT.plus(SLACK));
            }
            // the overview still lists the snapshots, without a status
            assertThat(overview.answer().status()).as(overview.answer().toString()).isEqualTo(200);
            assertThat(overview.answer().data().path("voiceserver").has("status")).isFalse();
            assertThat(overview.answer().data().path("voiceserver").path("specific").path("snapshots"))
                    .isEqualTo(before.list());
            assertThat(overview.took()).isLessThan(CONNECT_TIMEOUT.plus(SLACK));
            assertThat(silent.connections()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void serverThatGreetsAndThenNeverAnswersGets503WithinTheConnectTimeout() throws IOException {
        simulator.delay("login", Duration.ofMinutes(5));

        Timed create = Timed.of(() -> api.post(carol.backups(), carol.token()));
        Timed restore = Timed.of(() -> api.post(carol.backups() + "/" + canary + "/restore", carol.token()));

        for (Timed call : new Timed[] {create, restore}) {
            assertThat(call.answer().status()).as(call.answer().toString()).isEqualTo(503);
            assertThat(call.answer().code()).isEqualTo("VOICESERVER_UNAVAILABLE");
            assertThat(call.answer().json().path("message").asString()).contains("did not answer login");
            assertThat(call.took()).isLessThan(CONNECT_TIMEOUT.plus(SLACK));
        }
        assertThat(simulator.commandCount("serversnapshotcreate")).isZero();
        assertThat(simulator.deployCount()).isZero();
    }

    @Test
    void slowAnswersJustInsideTheTimeoutSucceed() throws IOException {
        Duration nearTheTimeout = COMMAND_TIMEOUT.multipliedBy(7).dividedBy(10);
        simulator.delay("serversnapshotcreate", nearTheTimeout);
        simulator.delay("serversnapshotdeploy", nearTheTimeout);

        Timed create = Timed.of(() -> api.post(carol.backups(), carol.token()));
        long slow = created(create.answer());
        Timed restore = Timed.of(() -> api.post(carol.backups() + "/" + slow + "/restore", carol.token()));

        assertThat(create.took()).isGreaterThanOrEqualTo(nearTheTimeout);
        assertThat(restore.answer().status()).as(restore.answer().toString()).isEqualTo(200);
        assertThat(restore.took()).isGreaterThanOrEqualTo(nearTheTimeout);
        assertThat(simulator.deployCount()).isEqualTo(1);
        deleteAgain(slow);
    }

    @Test
    void createAnsweredPastTheTimeoutGets503AndStoresNothing() throws Exception {
        Duration pastTheTimeout = COMMAND_TIMEOUT.multipliedBy(2);
        simulator.delay("serversnapshotcreate", pastTheTimeout);

        Timed create = Timed.of(() -> api.post(carol.backups(), carol.token()));

        assertThat(create.answer().status()).as(create.answer().toString()).isEqualTo(503);
        assertThat(create.answer().code()).isEqualTo("VOICESERVER_UNAVAILABLE");
        assertThat(create.answer().json().path("message").asString())
                .contains("did not answer serversnapshotcreate within 3 seconds");
        assertThat(create.took()).isBetween(COMMAND_TIMEOUT, COMMAND_TIMEOUT.plus(SLACK));
        // also once the late answer would have come
        Thread.sleep(pastTheTimeout.minus(create.took()).plusMillis(500).toMillis());
        before.assertUnchanged(api, carol);
        assertThat(simulator.commandCount("serversnapshotcreate")).isEqualTo(1);
    }

    @Test
    void restoreAnsweredPastTheTimeoutGets503AndIsNeverSentTwice() throws Exception {
        Duration pastTheTimeout = COMMAND_TIMEOUT.multipliedBy(2);
        simulator.delay("serversnapshotdeploy", pastTheTimeout);

        Timed restore = Timed.of(() -> api.post(carol.backups() + "/" + canary + "/restore", carol.token()));

        assertThat(restore.answer().status()).as(restore.answer().toString()).isEqualTo(503);
        assertThat(restore.answer().code()).isEqualTo("VOICESERVER_UNAVAILABLE");
        assertThat(restore.answer().json().path("message").asString())
                .contains("did not answer serversnapshotdeploy within 3 seconds");
        assertThat(restore.took()).isBetween(COMMAND_TIMEOUT, COMMAND_TIMEOUT.plus(SLACK));
        Thread.sleep(pastTheTimeout.minus(restore.took()).plusSeconds(2).toMillis());
        assertThat(simulator.deployCount()).isEqualTo(1);
        assertThat(simulator.commandCount("serverstop")).isZero();
        // a deploy cannot be called back: the server finished it after the panel gave up, and the
        // service's slots were not re-applied (docs/reliability.md, known limits)
        System.out.printf("OBSERVED | VoiceServerFaultsIT#restoreAnsweredPastTheTimeoutGets503AndIsNeverSentTwice"
                + " | server after the late deploy | slots %d (service: %d), %s%n",
                simulator.virtualServer(1).maxClients(), SLOTS, simulator.virtualServer(1).status());
    }

    @Test
    void connectionDroppedMidReplyGets503AndNothingIsStoredOrSentTwice() throws Exception {
        simulator.dropConnectionOn("serversnapshotcreate");
        simulator.dropConnectionOn("serversnapshotdeploy");

        Timed create = Timed.of(() -> api.post(carol.backups(), carol.token()));
        Timed restore = Timed.of(() -> api.post(carol.backups() + "/" + canary + "/restore", carol.token()));

        assertThat(create.answer().status()).as(create.answer().toString()).isEqualTo(503);
        assertThat(create.answer().code()).isEqualTo("VOICESERVER_UNAVAILABLE");
        assertThat(create.answer().json().path("message").asString())
                .contains("closed the connection during serversnapshotcreate");
        assertThat(restore.answer().status()).as(restore.answer().toString()).isEqualTo(503);
        assertThat(restore.answer().code()).isEqualTo("VOICESERVER_UNAVAILABLE");
        assertThat(restore.answer().json().path("message").asString())
                .contains("closed the connection during serversnapshotdeploy");
        for (Timed call : new Timed[] {create, restore}) {
            assertThat(call.took()).isLessThan(SLACK);
        }
        Thread.sleep(1000); // a reconnecting client would re-send by now
        assertThat(simulator.commandCount("serversnapshotcreate")).isEqualTo(1);
        assertThat(simulator.deployCount()).isEqualTo(1);
    }

    @Test
    void floodProtectionAnswers502WithTheServersErrorAndStoresNothing() throws IOException {
        // login and use pass; the third command of the session is refused with 524
        simulator.floodLimit(2, Duration.ofSeconds(30));

        Answer create = Timed.of(() -> api.post(carol.backups(), carol.token())).answer();
        Answer restore = Timed.of(() -> api.post(carol.backups() + "/" + canary + "/restore", carol.token())).answer();

        for (Answer answer : new Answer[] {create, restore}) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(502);
            assertThat(answer.code()).isEqualTo("VOICESERVER_ERROR");
            assertThat(answer.json().path("message").asString()).contains("error 524").contains("please wait");
        }
        assertThat(simulator.virtualServer(1).maxClients()).isEqualTo(SLOTS);
    }

    @Test
    void deployRefusedForAMissingPermissionAnswers502AndIsNotRetried() throws IOException {
        simulator.revokePermission("b_virtualserver_snapshot_deploy");
        VirtualServer server = simulator.virtualServer(1);
        int stops = server.stopCount();

        Answer restore = Timed.of(() -> api.post(carol.backups() + "/" + canary + "/restore", carol.token())).answer();

        assertThat(restore.status()).as(restore.toString()).isEqualTo(502);
        assertThat(restore.code()).isEqualTo("VOICESERVER_ERROR");
        assertThat(restore.json().path("message").asString()).contains("2568").contains("missing permission");
        assertThat(simulator.deployCount()).isEqualTo(1);
        assertThat(server.stopCount()).isEqualTo(stops);
        assertThat(server.status()).isEqualTo("online");
    }

    @Test
    void restartFailingAfterTheDeployAnswers502AndAnotherRestoreBringsTheServerBack() throws IOException {
        VirtualServer server = simulator.virtualServer(1);
        simulator.failWith("serverstart", 2568, "insufficient client permissions");

        Answer restore = Timed.of(() -> api.post(carol.backups() + "/" + canary + "/restore", carol.token())).answer();

        assertThat(restore.status()).as(restore.toString()).isEqualTo(502);
        assertThat(restore.code()).isEqualTo("VOICESERVER_ERROR");
        assertThat(restore.json().path("message").asString()).contains("2568").contains("serverstart");
        assertThat(server.status()).isEqualTo("offline");

        simulator.reset();
        Answer again = Timed.of(() -> api.post(carol.backups() + "/" + canary + "/restore", carol.token())).answer();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(server.status()).isEqualTo("online");
        assertThat(simulator.deployCount()).isEqualTo(1);
    }

    /** Points the service at another port (as an admin would after a move), keeping its login. */
    private static void pointServiceAt(int port) throws IOException {
        Answer answer = api.putJson("/admin/services/" + carol.serviceId(), PanelProcess.ADMIN_TOKEN, Map.of(
                "owner_user_id", carol.userId(), "name", "carol's server", "voiceserver", Map.of(
                        "type", "teamspeak3", "host", "127.0.0.1", "query_port", port,
                        "query_username", "serveradmin", "virtual_server_id", 1, "slots", SLOTS)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private static void deleteAgain(long snapshotId) throws IOException {
        assertThat(api.delete(carol.backups() + "/" + snapshotId, carol.token()).status()).isEqualTo(200);
    }

    private static long created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.data().path("snapshot").path("id").asLong();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
