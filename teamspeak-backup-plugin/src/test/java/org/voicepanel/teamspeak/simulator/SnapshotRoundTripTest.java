package org.voicepanel.teamspeak.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.theholywaffle.teamspeak3.api.exception.TS3CommandFailedException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Snapshots created and deployed through the real ts3-api client, in all three dialects. */
class SnapshotRoundTripTest {

    private final ServerQuerySimulator simulator = ServerQuerySimulator.start(0);
    private final VirtualServer server = simulator.virtualServer(1);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest
    @EnumSource(SnapshotFormat.class)
    void deployingAnOlderSnapshotRestoresNameSlotsAndChannels(SnapshotFormat format) {
        simulator.snapshotFormat(format);
        server.name("Before | backup \\ with / odd chars");
        server.addChannel("Team Room");
        List<String> channelsAtBackup = server.channelNames();
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            String snapshot = session.api().createServerSnapshot().get();

            server.name("After");
            server.maxClients(5);
            server.addChannel("Created later");

            session.api().deployServerSnapshot(snapshot);
        }
        assertThat(server.name()).isEqualTo("Before | backup \\ with / odd chars");
        assertThat(server.maxClients()).isEqualTo(32);
        assertThat(server.channelNames()).isEqualTo(channelsAtBackup);
        assertThat(simulator.deployCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SnapshotFormat.class)
    void answersCreateWithOneDataLineInTheChosenDialect(SnapshotFormat format) {
        simulator.snapshotFormat(format);
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            String snapshot = session.api().createServerSnapshot().get();
            switch (format) {
                case LEGACY -> assertThat(snapshot).matches("hash=[A-Za-z0-9+=\\\\/]{28,32}\\|virtualserver_.*")
                        .contains(" end_virtualserver|begin_channels channel_id=1 ")
                        .contains("|end_channels|begin_clients ").endsWith("|end_flat|end_permissions");
                case V2 -> assertThat(snapshot).startsWith("version=2|KLUv\\/").doesNotContain(" ");
                case V3 -> assertThat(snapshot).startsWith("version=3 data=KLUv\\/").doesNotContain("|");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SnapshotFormat.class)
    void refusesACorruptSnapshotWith1538AndLeavesTheServerAlone(SnapshotFormat format) {
        simulator.snapshotFormat(format);
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            String snapshot = session.api().createServerSnapshot().get();
            server.name("Current");
            String corrupt = corrupt(snapshot);

            assertThatThrownBy(() -> session.api().deployServerSnapshot(corrupt))
                    .isInstanceOfSatisfying(TS3CommandFailedException.class, e -> {
                        assertThat(e.getError().getId()).isEqualTo(1538);
                        assertThat(e.getError().getMessage()).isEqualTo("invalid parameter");
                        assertThat(e.getError().getExtraMessage()).isNotBlank();
                    });
            assertThat(session.api().getServerInfo().getName()).isEqualTo("Current");
        }
        assertThat(simulator.deployCount()).isEqualTo(1);
    }

    /** Changes one character in the middle of the snapshot's data, keeping it one well-formed line. */
    private static String corrupt(String snapshot) {
        int middle = snapshot.length() / 2;
        while (!Character.isLetter(snapshot.charAt(middle))) {
            middle++;
        }
        char replacement = snapshot.charAt(middle) == 'A' ? 'B' : 'A';
        return snapshot.substring(0, middle) + replacement + snapshot.substring(middle + 1);
    }

    @Test
    void refusesAnUnknownVersionAndATruncatedSnapshot() {
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            String snapshot = session.api().createServerSnapshot().get();
            for (String bad : List.of(snapshot.replace("version=3", "version=4"),
                    snapshot.substring(0, snapshot.length() - 40), "version=3 data=not\\sbase64!")) {
                assertThatThrownBy(() -> session.api().deployServerSnapshot(bad))
                        .isInstanceOfSatisfying(TS3CommandFailedException.class,
                                e -> assertThat(e.getError().getId()).isEqualTo(1538));
            }
        }
    }

    @Test
    void aMultiMegabyteSnapshotRoundTrips() {
        server.addChannels(4_000, 1_000);
        List<String> channelsAtBackup = server.channelNames();
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            String snapshot = session.api().createServerSnapshot().get();
            assertThat(snapshot.length()).isGreaterThan(3_000_000);

            server.name("Changed");
            server.addChannels(10, 10);

            session.api().deployServerSnapshot(snapshot);
        }
        assertThat(server.name()).isEqualTo("TeamSpeak ]I[ Server");
        assertThat(server.channelNames()).isEqualTo(channelsAtBackup);
    }

    @Test
    void aLegacySnapshotDeploysWithOptionsAfterIt() {
        simulator.snapshotFormat(SnapshotFormat.LEGACY);
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            String snapshot = session.api().createServerSnapshot().get();
            server.name("Changed");
            session.api().deployServerSnapshot(snapshot + " -keepfiles");
        }
        assertThat(server.name()).isEqualTo("TeamSpeak ]I[ Server");
    }

    @Test
    void withoutTheDeployPermissionTheDeployFailsWith2568() {
        simulator.revokePermission("b_virtualserver_snapshot_deploy");
        try (Ts3Session session = Ts3Session.onServer1(simulator)) {
            String snapshot = session.api().createServerSnapshot().get();
            assertThatThrownBy(() -> session.api().deployServerSnapshot(snapshot))
                    .isInstanceOfSatisfying(TS3CommandFailedException.class, e -> {
                        assertThat(e.getError().getId()).isEqualTo(2568);
                        assertThat(e.getError().getFailedPermissionId()).isPositive();
                    });
        }
    }
}
