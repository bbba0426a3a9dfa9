package org.voicepanel.teamspeak;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.VoiceBackupProvider;
import org.voicepanel.api.VoiceService;
import org.voicepanel.api.testing.TestProviderContext;
import org.voicepanel.api.testing.TestSnapshotFileSealer;
import org.voicepanel.api.testing.VoiceBackupProviderContract;
import org.voicepanel.api.testing.VoiceServerProbe;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import org.voicepanel.teamspeak.simulator.VirtualServer;
import org.voicepanel.store.testing.TestDatabase;

/** The TeamSpeak provider checked against the plugin API's contract, over MariaDB and the simulator. */
class TeamSpeakProviderContractTest extends VoiceBackupProviderContract {

    private static ServerQuerySimulator simulator;
    private static VoiceService service;
    private static VoiceService unreachable;

    @TempDir
    static Path workDir;

    private final ProviderContext context = new TestProviderContext("teamspeak", TestDatabase.dataSource("teamspeak"),
            Map.of("flood-rate", "unlimited", "connect-timeout-ms", "2000", "command-timeout-ms", "5000"),
            new TestSnapshotFileSealer(), Clock.systemUTC(), workDir);

    @BeforeAll
    static void startSimulator() throws IOException {
        simulator = ServerQuerySimulator.start(0);
        service = ProviderHarness.service(simulator.port(), 32);
        try (ServerSocket closed = new ServerSocket(0)) {
            unreachable = ProviderHarness.service(TestDatabase.newServiceId(), closed.getLocalPort(), 32);
        }
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Override
    protected ProviderContext context() {
        return context;
    }

    @Override
    protected VoiceBackupProvider createProvider(ProviderContext context) {
        return new TeamSpeakBackupProvider(context);
    }

    @Override
    protected VoiceService runningService() {
        return service;
    }

    @Override
    protected VoiceService unreachableService() {
        return unreachable;
    }

    /** The name and the channels of the simulated virtual server, which a snapshot carries. */
    @Override
    protected VoiceServerProbe probe() {
        return new VoiceServerProbe() {
            @Override
            public Object content(VoiceService ignored) {
                VirtualServer server = simulator.virtualServer(1);
                return List.of(server.name(), server.channelNames());
            }

            @Override
            public void change(VoiceService ignored) {
                VirtualServer server = simulator.virtualServer(1);
                server.name(server.name() + " changed");
                server.addChannel("Added after the snapshot");
            }
        };
    }
}
