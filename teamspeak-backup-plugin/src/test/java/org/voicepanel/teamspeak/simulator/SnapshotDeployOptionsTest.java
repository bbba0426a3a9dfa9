package org.voicepanel.teamspeak.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deploy options and passwords, which ts3-api 1.2.0 can only send as raw text, checked on a raw socket. */
class SnapshotDeployOptionsTest {

    private final ServerQuerySimulator simulator = ServerQuerySimulator.start(0);
    private RawQueryClient client;

    @BeforeEach
    void logIn() {
        client = RawQueryClient.connectPastGreeting(simulator);
        client.command("login serveradmin secret");
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void mappingAnswersOldAndNewChannelIdsWhereverTheOptionStands() {
        client.command("use sid=1 -virtual");
        String snapshot = client.command("serversnapshotcreate").get(0);

        List<String> before = client.command("serversnapshotdeploy -mapping -keepfiles " + snapshot);
        assertThat(before).hasSize(2);
        assertThat(before.get(0)).matches("ocid=1 ncid=\\d+\\|ocid=2 ncid=\\d+\\|ocid=3 ncid=\\d+\\|ocid=4 ncid=\\d+");
        assertThat(before.get(1)).isEqualTo("error id=0 msg=ok");

        List<String> after = client.command("serversnapshotdeploy " + snapshot + " -mapping");
        assertThat(after.get(0)).startsWith("ocid=1 ncid=");

        assertThat(client.command("serversnapshotdeploy " + snapshot)).containsExactly("error id=0 msg=ok");
    }

    @Test
    void aPasswordProtectedSnapshotDeploysOnlyWithItsPassword() {
        client.command("use sid=1 -virtual");
        String snapshot = client.command("serversnapshotcreate password=s3cr\\/t").get(0);
        assertThat(snapshot).matches("version=3 salt=\\S+ data=\\S+");
        simulator.virtualServer(1).name("Changed");

        assertThat(client.command("serversnapshotdeploy " + snapshot).get(0))
                .startsWith("error id=1538 msg=invalid\\sparameter extra_msg=");
        assertThat(client.command("serversnapshotdeploy password=wrong " + snapshot).get(0))
                .startsWith("error id=1538 ");
        assertThat(simulator.virtualServer(1).name()).isEqualTo("Changed");

        assertThat(client.command("serversnapshotdeploy -mapping password=s3cr\\/t " + snapshot))
                .last().isEqualTo("error id=0 msg=ok");
        assertThat(simulator.virtualServer(1).name()).isEqualTo("TeamSpeak ]I[ Server");
    }

    @Test
    void aVersion2SnapshotTakesOptionsAndPasswordBeforeIt() {
        simulator.snapshotFormat(SnapshotFormat.V2);
        client.command("use sid=1 -virtual");
        String snapshot = client.command("serversnapshotcreate password=pw").get(0);
        assertThat(snapshot).matches("version=2 salt=\\S+\\|\\S+");
        simulator.virtualServer(1).maxClients(3);

        assertThat(client.command("serversnapshotdeploy -keepfiles -mapping password=pw " + snapshot))
                .last().isEqualTo("error id=0 msg=ok");
        assertThat(simulator.virtualServer(1).maxClients()).isEqualTo(32);
    }

    @Test
    void legacySnapshotsCannotHaveAPassword() {
        simulator.snapshotFormat(SnapshotFormat.LEGACY);
        client.command("use sid=1 -virtual");
        assertThat(client.command("serversnapshotcreate password=pw").get(0)).startsWith("error id=1538 ");
    }

    @Test
    void withNoServerSelectedADeployCreatesANewServerAndNamesIt() {
        client.command("use sid=1 -virtual");
        String snapshot = client.command("serversnapshotcreate").get(0);
        client.command("logout");
        client.close();
        client = RawQueryClient.connectPastGreeting(simulator);
        client.command("login serveradmin secret");

        List<String> reply = client.command("serversnapshotdeploy -mapping " + snapshot);
        assertThat(reply.get(0)).startsWith("sid=2 virtualserver_port=9988|ocid=1 ncid=");
        assertThat(simulator.virtualServer(2).channelNames())
                .isEqualTo(simulator.virtualServer(1).channelNames());
    }
}
