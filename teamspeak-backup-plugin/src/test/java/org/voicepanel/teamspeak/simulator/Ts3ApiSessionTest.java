package org.voicepanel.teamspeak.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.theholywaffle.teamspeak3.api.VirtualServerProperty;
import com.github.theholywaffle.teamspeak3.api.VirtualServerStatus;
import com.github.theholywaffle.teamspeak3.api.exception.TS3CommandFailedException;
import com.github.theholywaffle.teamspeak3.api.wrapper.Channel;
import com.github.theholywaffle.teamspeak3.api.wrapper.VirtualServerInfo;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Session and server commands as the real ts3-api 1.2.0 client uses them. */
class Ts3ApiSessionTest {

    private final ServerQuerySimulator simulator = ServerQuerySimulator.start(0);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void wrongPasswordFailsWith520() {
        try (Ts3Session session = Ts3Session.connect(simulator, 5_000)) {
            assertThatThrownBy(() -> session.api().login("serveradmin", "wrong"))
                    .isInstanceOfSatisfying(TS3CommandFailedException.class,
                            e -> assertThat(e.getError().getId()).isEqualTo(520));
        }
    }

    @Test
    void acceptsTheConfiguredAccountWithCharactersThatNeedEscaping() {
        simulator.withLogin("panel", "p a|s/s=w\\rd");
        try (Ts3Session session = Ts3Session.connect(simulator, 5_000)) {
            session.api().login("panel", "p a|s/s=w\\rd");
            session.api().selectVirtualServerById(1);
            assertThat(session.api().whoAmI().getId()).isEqualTo(1);
        }
        assertThat(simulator.receivedLines()).contains("login panel p\\sa\\ps\\/s=w\\\\rd");
    }

    @Test
    void reportsTheDefaultServerAfterUse() {
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            VirtualServerInfo info = session.api().getServerInfo();
            assertThat(info.getName()).isEqualTo("TeamSpeak ]I[ Server");
            assertThat(info.getMaxClients()).isEqualTo(32);
            assertThat(info.getStatus()).isEqualTo(VirtualServerStatus.ONLINE);
            assertThat(info.getId()).isEqualTo(1);
            assertThat(info.getPort()).isEqualTo(9987);
            assertThat(session.api().getVersion().getVersion()).isEqualTo("3.13.7");
            assertThat(session.api().whoAmI().getChannelId()).isEqualTo(1);
        }
    }

    @Test
    void selectingAnUnknownServerFailsWith1024() {
        try (Ts3Session session = Ts3Session.connect(simulator, 5_000)) {
            session.api().login("serveradmin", "secret");
            assertThatThrownBy(() -> session.api().selectVirtualServerById(42))
                    .isInstanceOfSatisfying(TS3CommandFailedException.class,
                            e -> assertThat(e.getError().getId()).isEqualTo(1024));
        }
    }

    @Test
    void editServerChangesNameAndSlots() {
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            session.api().editServer(Map.of(VirtualServerProperty.VIRTUALSERVER_NAME, "Clan \\ Server | EU",
                    VirtualServerProperty.VIRTUALSERVER_MAXCLIENTS, "64"));
            assertThat(session.api().getServerInfo().getMaxClients()).isEqualTo(64);
        }
        assertThat(simulator.virtualServer(1).name()).isEqualTo("Clan \\ Server | EU");
        assertThat(simulator.virtualServer(1).maxClients()).isEqualTo(64);
    }

    @Test
    void editServerRefusesSlotsThatAreNoNumber() {
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            assertThatThrownBy(() -> session.api().editServer(
                    Map.of(VirtualServerProperty.VIRTUALSERVER_MAXCLIENTS, "many")))
                    .isInstanceOfSatisfying(TS3CommandFailedException.class,
                            e -> assertThat(e.getError().getId()).isEqualTo(1540));
        }
        assertThat(simulator.virtualServer(1).maxClients()).isEqualTo(32);
    }

    @Test
    void stopAndStartChangeTheStatusAndAreCounted() {
        VirtualServer server = simulator.virtualServer(1);
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            session.api().stopServer(1);
            assertThat(server.status()).isEqualTo("offline");
            assertThat(session.api().getServerInfo().getStatus()).isEqualTo(VirtualServerStatus.OFFLINE);
            session.api().startServer(1);
            assertThatThrownBy(() -> session.api().startServer(1))
                    .isInstanceOfSatisfying(TS3CommandFailedException.class,
                            e -> assertThat(e.getError().getId()).isEqualTo(1025));
        }
        assertThat(server.status()).isEqualTo("online");
        assertThat(server.stopCount()).isEqualTo(1);
        assertThat(server.startCount()).isEqualTo(1);
    }

    @Test
    void listsServersAndChannels() {
        simulator.virtualServer(2).name("Second");
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            assertThat(session.api().getVirtualServers())
                    .extracting(com.github.theholywaffle.teamspeak3.api.wrapper.VirtualServer::getName)
                    .containsExactly("TeamSpeak ]I[ Server", "Second");
            assertThat(session.api().getChannels()).extracting(Channel::getName)
                    .containsExactlyElementsOf(simulator.virtualServer(1).channelNames());
        }
    }
}
