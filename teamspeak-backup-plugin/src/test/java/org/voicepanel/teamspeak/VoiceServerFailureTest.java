package org.voicepanel.teamspeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.VoiceService;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import org.voicepanel.teamspeak.simulator.VirtualServer;

class VoiceServerFailureTest {

    @TempDir
    Path workDir;

    private ServerQuerySimulator simulator;
    private ProviderHarness panel;
    private BackupRequest request;
    private final List<AutoCloseable> peers = new ArrayList<>();

    @BeforeEach
    void start() {
        simulator = ServerQuerySimulator.start(0);
        panel = new ProviderHarness(workDir, Map.of("connect-timeout-ms", "1500", "command-timeout-ms", "2000"));
        request = ProviderHarness.request(ProviderHarness.service(simulator.port(), 32));
    }

    @AfterEach
    void stop() throws Exception {
        simulator.close();
        for (AutoCloseable peer : peers) {
            peer.close();
        }
    }

    @Test
    void createWhenTheServerIsDownIsUnavailableAtOnceAndStoresNothing() {
        int port = simulator.port();
        simulator.close();
        BackupRequest down = ProviderHarness.request(ProviderHarness.service(port, 32));

        long took = failsWith(Reason.VOICESERVER_UNAVAILABLE, () -> panel.create(down), "refused the connection");

        assertThat(took).isLessThan(1000);
        assertThat(panel.list(down)).isEmpty();
    }

    @Test
    void serverThatAcceptsButNeverGreetsIsUnavailableWithinTheConnectTimeout() throws IOException {
        ServerSocket silent = new ServerSocket(0);
        peers.add(silent);
        BackupRequest towardsSilence = ProviderHarness.request(ProviderHarness.service(silent.getLocalPort(), 32));

        long took = failsWith(Reason.VOICESERVER_UNAVAILABLE, () -> panel.create(towardsSilence), "did not answer");

        assertThat(took).isBetween(1400L, 3000L);
        assertThat(panel.list(towardsSilence)).isEmpty();
    }

    @Test
    void peerThatIsNotServerQueryIsUnavailable() throws IOException {
        ServerSocket ssh = new ServerSocket(0);
        peers.add(ssh);
        Thread greeter = new Thread(() -> {
            try (Socket client = ssh.accept(); OutputStream out = client.getOutputStream()) {
                out.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(3000);
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        });
        greeter.setDaemon(true);
        greeter.start();
        BackupRequest towardsSsh = ProviderHarness.request(ProviderHarness.service(ssh.getLocalPort(), 32));

        failsWith(Reason.VOICESERVER_UNAVAILABLE, () -> panel.status(towardsSsh), "does not speak TeamSpeak ServerQuery");
    }

    @Test
    void deployErrorCarriesTheServersAnswerAndLeavesTheSnapshotIntact() {
        long created = panel.create(request);
        SnapshotInfo before = panel.list(request).get(0);
        byte[] fileBefore = panel.downloadBytes(request, created);
        VirtualServer server = simulator.virtualServer(1);
        server.name("Unchanged");
        simulator.failWith("serversnapshotdeploy", 1538, "invalid parameter");

        failsWith(Reason.VOICESERVER_ERROR, () -> panel.restore(request, created),
                "The voice server answered error 1538 (invalid parameter");

        assertThat(panel.list(request)).containsExactly(before);
        assertThat(panel.downloadBytes(request, created)).isEqualTo(fileBefore);
        assertThat(server.name()).isEqualTo("Unchanged");
        assertThat(server.stopCount()).isZero();
    }

    @Test
    void deployThatNeverAnswersIsUnavailableWithinTheTimeoutAndIsNeverSentTwice() throws InterruptedException {
        long created = panel.create(request);
        SnapshotInfo before = panel.list(request).get(0);
        simulator.delay("serversnapshotdeploy", Duration.ofSeconds(5));

        long took = failsWith(Reason.VOICESERVER_UNAVAILABLE, () -> panel.restore(request, created),
                "did not answer serversnapshotdeploy within 2 seconds");

        assertThat(took).isBetween(1900L, 3500L);
        assertQueryThreadsEndSoon(); // the connection was closed at the deadline, not left to ts3-api's timeout
        Thread.sleep(3000); // past the server's delay: a reconnecting client would have sent it again by now
        assertThat(simulator.deployCount()).isEqualTo(1);
        assertThat(simulator.virtualServer(1).stopCount()).isZero();
        assertThat(panel.list(request)).containsExactly(before);
    }

    @Test
    void createThatNeverAnswersIsUnavailableWithinTheTimeoutAndStoresNothing() {
        simulator.delay("serversnapshotcreate", Duration.ofSeconds(4));

        long took = failsWith(Reason.VOICESERVER_UNAVAILABLE, () -> panel.create(request), "serversnapshotcreate");

        assertThat(took).isLessThan(3500);
        assertThat(panel.list(request)).isEmpty();
    }

    @Test
    void connectionDroppedDuringCreateIsUnavailableAndStoresNothing() {
        simulator.dropConnectionOn("serversnapshotcreate");

        failsWith(Reason.VOICESERVER_UNAVAILABLE, () -> panel.create(request), "closed the connection");

        assertThat(panel.list(request)).isEmpty();
        assertThat(simulator.commandCount("serversnapshotcreate")).isEqualTo(1);
    }

    @Test
    void connectionDroppedDuringDeployIsUnavailableAndTheDeployIsNotRepeated() {
        long created = panel.create(request);
        simulator.dropConnectionOn("serversnapshotdeploy");

        failsWith(Reason.VOICESERVER_UNAVAILABLE, () -> panel.restore(request, created), "closed the connection");

        assertThat(simulator.deployCount()).isEqualTo(1);
        assertThat(panel.list(request)).hasSize(1);
    }

    @Test
    void wrongQueryPasswordIsTheServersError() {
        simulator.withLogin("serveradmin", "another secret");

        failsWith(Reason.VOICESERVER_ERROR, () -> panel.create(request), "error 520");

        assertThat(simulator.commandCount("serversnapshotcreate")).isZero();
        assertThat(panel.list(request)).isEmpty();
    }

    @Test
    void missingPermissionNamesTheServersErrorAndStoresNothing() {
        simulator.revokePermission("b_virtualserver_snapshot_create");

        failsWith(Reason.VOICESERVER_ERROR, () -> panel.create(request), "error 2568");

        assertThat(panel.list(request)).isEmpty();
    }

    @Test
    void floodProtectionAnswerIsReportedNotRetried() {
        simulator.floodLimit(2, Duration.ofSeconds(10));

        failsWith(Reason.VOICESERVER_ERROR, () -> panel.create(request), "error 524");

        assertThat(simulator.commandCount("serversnapshotcreate")).isEqualTo(1);
    }

    @Test
    void controlCharacterInThePasswordIsRefusedBeforeAnythingIsSent() {
        VoiceService service = ProviderHarness.service(simulator.port(), 32);
        VoiceService sneaky = service.toBuilder(service.serviceId())
                .secret("query_password", "secret\nserverdelete sid=1").build();

        failsWith(Reason.BAD_REQUEST, () -> panel.create(ProviderHarness.request(sneaky)), "control character");

        assertThat(simulator.receivedLines()).isEmpty();
    }

    @Test
    void restartThatLeavesTheServerOfflineIsReported() {
        long created = panel.create(request);
        simulator.failWith("serverstart", 1033, "server is not running");

        failsWith(Reason.VOICESERVER_ERROR, () -> panel.restore(request, created), "error 1033");

        assertThat(panel.list(request)).hasSize(1);
    }

    private static void assertQueryThreadsEndSoon() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (queryThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(queryThreads()).isZero();
    }

    private static long queryThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("[TeamSpeak-3-Java-API]"))
                .count();
    }

    /** Runs the call, checks the failure and returns how long it took in milliseconds. */
    private static long failsWith(Reason reason, Executable call, String messagePart) {
        long started = System.nanoTime();
        assertThatThrownBy(call::execute)
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
        return (System.nanoTime() - started) / 1_000_000;
    }
}
