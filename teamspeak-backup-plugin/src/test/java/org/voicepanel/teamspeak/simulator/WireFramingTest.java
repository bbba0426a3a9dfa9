package org.voicepanel.teamspeak.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The raw protocol as bytes on a socket (docs/teamspeak.md 1.1–1.4). */
class WireFramingTest {

    private final ServerQuerySimulator simulator = ServerQuerySimulator.start(0);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void greetsWithTs3AndTheWelcomeLineEachEndedByLineFeedCarriageReturnAndNothingElse() {
        String expected = "TS3\n\r" + QueryConnection.WELCOME + "\n\r";
        try (RawQueryClient client = RawQueryClient.connect(simulator)) {
            byte[] greeting = client.readBytes(expected.getBytes(StandardCharsets.UTF_8).length);
            assertThat(new String(greeting, StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(client.staysSilentFor(Duration.ofMillis(300))).isTrue();
        }
    }

    @Test
    void acceptsLineFeedCarriageReturnLineFeedAndLineFeedCarriageReturnLineEnds() {
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            client.sendRaw("login serveradmin secret\r\n");
            assertThat(client.readReply()).containsExactly("error id=0 msg=ok");
            client.sendRaw("use sid=1\n\r");
            assertThat(client.readReply()).containsExactly("error id=0 msg=ok");
            client.sendRaw("ver\rsion\n");
            assertThat(client.readReply())
                    .containsExactly("version=3.13.7 build=1655727713 platform=Linux", "error id=0 msg=ok");
        }
    }

    @Test
    void answersABlankKeepAliveLineWithNothing() {
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            client.sendRaw("\n \n\r   \r\n");
            client.send("version");
            assertThat(client.readReply()).startsWith("version=3.13.7 build=1655727713 platform=Linux");
        }
    }

    @Test
    void escapesTheStatusMessage() {
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            assertThat(client.command("nosuchcommand")).containsExactly("error id=256 msg=command\\snot\\sfound");
        }
    }

    @Test
    void refusesServerCommandsBeforeLoginAndBeforeUse() {
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            assertThat(client.command("serverinfo")).containsExactly("error id=518 msg=not\\slogged\\sin");
            client.command("login client_login_name=serveradmin client_login_password=secret");
            assertThat(client.command("serverinfo")).containsExactly("error id=1024 msg=invalid\\sserverID");
            assertThat(client.command("serversnapshotcreate")).containsExactly("error id=1024 msg=invalid\\sserverID");
        }
    }

    @Test
    void selectsByIdPortOrBareNumberAndRefusesUnknownOrStoppedServers() throws Exception {
        simulator.virtualServer(2).stop();
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            client.command("login serveradmin secret");
            assertThat(client.command("use -virtual port=9987")).containsExactly("error id=0 msg=ok");
            assertThat(client.command("use 1")).containsExactly("error id=0 msg=ok");
            assertThat(client.command("use sid=7 -virtual")).containsExactly("error id=1024 msg=invalid\\sserverID");
            assertThat(client.command("use sid=2")).containsExactly("error id=1033 msg=server\\sis\\snot\\srunning");
            assertThat(client.command("use sid=2 -virtual")).containsExactly("error id=0 msg=ok");
            assertThat(client.command("whoami").get(0)).startsWith("virtualserver_status=offline virtualserver_id=2 ");
        }
    }

    @Test
    void answersPipelinedCommandsInOrder() {
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            client.sendRaw("login serveradmin secret\nversion\nnosuch\nuse sid=1\nserverinfo\n");
            assertThat(client.readReply()).containsExactly("error id=0 msg=ok");
            assertThat(client.readReply()).hasSize(2).first().asString().startsWith("version=");
            assertThat(client.readReply()).containsExactly("error id=256 msg=command\\snot\\sfound");
            assertThat(client.readReply()).containsExactly("error id=0 msg=ok");
            assertThat(client.readReply().get(0)).contains("virtualserver_name=TeamSpeak\\s]I[\\sServer");
        }
    }

    @Test
    void quitSendsItsStatusLineAndThenCloses() {
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            assertThat(client.command("quit")).containsExactly("error id=0 msg=ok");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void failedLoginAnswers520AndLogsOut() {
        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
            client.command("login serveradmin secret");
            assertThat(client.command("login serveradmin wrong"))
                    .containsExactly("error id=520 msg=invalid\\sloginname\\sor\\spassword");
            assertThat(client.command("serverlist")).containsExactly("error id=518 msg=not\\slogged\\sin");
        }
    }
}
