package org.voicepanel.teamspeak.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.theholywaffle.teamspeak3.TS3Config;
import com.github.theholywaffle.teamspeak3.TS3Query;
import com.github.theholywaffle.teamspeak3.api.exception.TS3CommandFailedException;
import com.github.theholywaffle.teamspeak3.api.exception.TS3QueryShutDownException;
import com.github.theholywaffle.teamspeak3.api.reconnect.ConnectionHandler;
import com.github.theholywaffle.teamspeak3.api.reconnect.ReconnectStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test knobs, observed through the real ts3-api client where it can see them. */
class KnobsTest {

    private final ServerQuerySimulator simulator = ServerQuerySimulator.start(0);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void delayHoldsTheReplyBackAndTheCommandStillSucceeds() {
        simulator.delay("serversnapshotdeploy", Duration.ofMillis(1_500));
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            String snapshot = session.api().createServerSnapshot().get();
            long start = System.nanoTime();
            session.api().deployServerSnapshot(snapshot);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1_500));
        }
        assertThat(simulator.deployCount()).isEqualTo(1);
    }

    @Test
    void failWithAnswersTheGivenErrorInsteadOfExecuting() {
        simulator.failWith("serversnapshotdeploy", 1792, "virtual server got a critical error");
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            String snapshot = session.api().createServerSnapshot().get();
            simulator.virtualServer(1).name("Changed");
            assertThatThrownBy(() -> session.api().deployServerSnapshot(snapshot))
                    .isInstanceOfSatisfying(TS3CommandFailedException.class, e -> {
                        assertThat(e.getError().getId()).isEqualTo(1792);
                        assertThat(e.getError().getMessage()).isEqualTo("virtual server got a critical error");
                    });
        }
        assertThat(simulator.virtualServer(1).name()).isEqualTo("Changed");
    }

    @Test
    void failWithEscapesTheMessageOnTheWire() {
        simulator.failWith("version", 1281, "database empty result set");
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            assertThat(client.command("version"))
                    .containsExactly("error id=1281 msg=database\\sempty\\sresult\\sset");
        }
    }

    @Test
    void droppingTheConnectionMakesTheClientFailInsteadOfHanging() {
        simulator.dropConnectionOn("serverinfo");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Ts3Session session = Ts3Session.connect(simulator, 3_000);
            try {
                session.api().login("serveradmin", "secret");
                session.api().selectVirtualServerById(1);
                assertThatThrownBy(() -> session.api().getServerInfo())
                        .isInstanceOf(TS3QueryShutDownException.class);
            } finally {
                session.close();
            }
        });
        assertThat(simulator.commandCount("serverinfo")).isEqualTo(1);
    }

    @Test
    void aReconnectingClientResendsTheDeployWhoseReplyWasLostAndTheCountShowsIt() throws Exception {
        simulator.dropConnectionOn("serversnapshotdeploy", 1);
        String snapshot;
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            snapshot = session.api().createServerSnapshot().get();
        }
        TS3Query query = new TS3Query(new TS3Config().setHost("127.0.0.1").setQueryPort(simulator.port())
                .setCommandTimeout(5_000)
                .setReconnectStrategy(ReconnectStrategy.constantBackoff(100))
                .setConnectionHandler(new ConnectionHandler() {
                    @Override
                    public void onConnect(TS3Query connected) {
                        connected.getApi().login("serveradmin", "secret");
                        connected.getApi().selectVirtualServerById(1);
                    }

                    @Override
                    public void onDisconnect(TS3Query disconnected) {
                    }
                }));
        try {
            query.connect();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> query.getApi().deployServerSnapshot(snapshot));
        } finally {
            query.exit();
        }
        assertThat(simulator.deployCount()).isEqualTo(2);
    }

    @Test
    void droppingTheConnectionSendsAtMostPartOfADataLineAndThenCloses() {
        simulator.dropConnectionOn("serverinfo");
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            client.command("login serveradmin secret");
            client.command("use sid=1");
            client.send("serverinfo");
            String fragment = client.readLine();
            assertThat(fragment).startsWith("virtualserver_").doesNotContain("error");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void overTheFloodLimitCommandsGet524AndTheConnectionStaysUsable() throws InterruptedException {
        simulator.floodLimit(3, Duration.ofSeconds(1));
        try (Ts3Session session = Ts3Session.connect(simulator, 5_000)) {
            session.api().login("serveradmin", "secret");
            session.api().getVersion();
            session.api().getVersion();
            assertThatThrownBy(() -> session.api().getVersion())
                    .isInstanceOfSatisfying(TS3CommandFailedException.class, e -> {
                        assertThat(e.getError().getId()).isEqualTo(524);
                        assertThat(e.getError().getExtraMessage()).matches("please wait \\d+ seconds");
                    });
            Thread.sleep(1_100);
            assertThat(session.api().getVersion().getVersion()).isEqualTo("3.13.7");
        }
        assertThat(simulator.receivedLines()).contains("version");
    }

    @Test
    void floodErrorCarriesAnEscapedWaitHint() {
        simulator.floodLimit(1, Duration.ofSeconds(10));
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            client.command("version");
            assertThat(client.command("version")).containsExactly(
                    "error id=524 msg=client\\sis\\sflooding extra_msg=please\\swait\\s10\\sseconds");
        }
    }

    @Test
    void receivedLinesLogsEveryLineOfEveryConnectionInOrder() {
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            session.api().getServerInfo();
        }
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            client.sendRaw("\n");
            client.command("version");
        }
        assertThat(simulator.receivedLines())
                .containsSubsequence("login serveradmin secret", "use sid=1 -virtual", "serverinfo", "quit", "",
                        "version");
        assertThat(simulator.commandCount("serverinfo")).isEqualTo(1);
        assertThat(simulator.commandCount("version")).isEqualTo(1);
    }

    @Test
    void resetClearsKnobsLogsAndCountersButKeepsServerState() {
        simulator.failWith("version", 1792, "broken");
        simulator.delay("version", Duration.ofSeconds(30));
        simulator.floodLimit(1, Duration.ofMinutes(1));
        simulator.virtualServer(1).name("Kept");
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            client.send("login serveradmin secret");
            client.readReply();
        }
        simulator.reset();

        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            List<String> reply = client.command("version");
            assertThat(reply).last().isEqualTo("error id=0 msg=ok");
            assertThat(client.command("version")).last().isEqualTo("error id=0 msg=ok");
        }
        assertThat(simulator.receivedLines()).containsExactly("version", "version");
        assertThat(simulator.commandCount("login")).isZero();
        assertThat(simulator.virtualServer(1).name()).isEqualTo("Kept");
    }
}
