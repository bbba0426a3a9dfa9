package org.example.echovoice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.example.echovoice.server.EchoVoiceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.VoiceBackupProvider;
import org.voicepanel.api.VoiceService;
import org.voicepanel.api.testing.TestProviderContext;
import org.voicepanel.api.testing.VoiceBackupProviderContract;
import org.voicepanel.api.testing.VoiceServerProbe;
import org.voicepanel.store.testing.TestDatabase;

/** The Echo Voice provider checked against the plugin API's contract, over MariaDB and a running server. */
class EchoVoiceProviderContractTest extends VoiceBackupProviderContract {

    private static final String PASSWORD = "echo-admin-password";

    @TempDir
    static Path workDir;

    private static EchoVoiceServer server;
    private static VoiceService running;
    private static VoiceService unreachable;

    @BeforeAll
    static void startServer() throws IOException {
        server = EchoVoiceServer.start(PASSWORD, 32);
        running = service(server.port());
        unreachable = service(EchoVoiceServer.freePort());
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    private static VoiceService service(int port) {
        return VoiceService.builder(TestDatabase.newServiceId(), EchoVoiceProvider.TYPE)
                .host("127.0.0.1").slots(32)
                .field(EchoVoiceClient.PORT, port)
                .secret(EchoVoiceClient.PASSWORD, PASSWORD)
                .build();
    }

    @Override
    protected ProviderContext context() {
        return new TestProviderContext("echovoice", TestDatabase.dataSource("echovoice"), workDir)
                .withSetting("timeout-ms", "2000");
    }

    @Override
    protected VoiceBackupProvider createProvider(ProviderContext context) {
        return new EchoVoiceProvider(context);
    }

    @Override
    protected VoiceService runningService() {
        return running;
    }

    @Override
    protected VoiceService unreachableService() {
        return unreachable;
    }

    @Override
    protected VoiceServerProbe probe() {
        return new VoiceServerProbe() {
            @Override
            public Object content(VoiceService service) {
                return List.copyOf(server.channels());
            }

            @Override
            public void change(VoiceService service) {
                server.addChannel("Added after the snapshot " + System.nanoTime());
            }
        };
    }
}
