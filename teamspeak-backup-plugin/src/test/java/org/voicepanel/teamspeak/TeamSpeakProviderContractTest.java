package org.voicepanel.teamspeak;

import java.nio.file.Path;
import java.time.Clock;
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
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import org.voicepanel.teamspeak.store.TestDatabase;

/** The TeamSpeak provider checked against the plugin API's contract, over MariaDB and the simulator. */
class TeamSpeakProviderContractTest extends VoiceBackupProviderContract {

    private static ServerQuerySimulator simulator;
    private static VoiceService service;

    @TempDir
    static Path workDir;

    private final ProviderContext context = new TestProviderContext("teamspeak", TestDatabase.dataSource(),
            Map.of("flood-rate", "unlimited", "connect-timeout-ms", "2000", "command-timeout-ms", "5000"),
            new TestSnapshotFileSealer(), Clock.systemUTC(), workDir);

    @BeforeAll
    static void startSimulator() {
        simulator = ServerQuerySimulator.start(0);
        service = new VoiceService(TestDatabase.newServiceId(), "teamspeak3", "127.0.0.1", simulator.port(),
                "serveradmin", "secret", 1, 32);
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
}
