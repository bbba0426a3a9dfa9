package org.example.echovoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.example.echovoice.server.EchoVoiceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.VoiceService;
import org.voicepanel.api.testing.RecordedRoutes;
import org.voicepanel.api.testing.TestProviderContext;
import org.voicepanel.store.testing.TestDatabase;

/** What the contract does not cover: a wrong password, and a server that takes the connection but never answers. */
class EchoVoiceFailuresTest {

    @TempDir
    Path workDir;

    @Test
    void wrongPasswordIsAVoiceServerErrorThatDoesNotRepeatIt() throws IOException {
        try (EchoVoiceServer server = EchoVoiceServer.start("the-right-one", 8)) {
            VoiceService service = service(server.port(), "a-wrong-password");

            assertThatThrownBy(() -> routes().status().status(request(service)))
                    .isInstanceOfSatisfying(BackupException.class, e -> {
                        assertThat(e.reason()).isEqualTo(BackupException.Reason.VOICESERVER_ERROR);
                        assertThat(e.getMessage()).contains("refused the admin password")
                                .doesNotContain("a-wrong-password");
                    });
        }
    }

    @Test
    void serverThatNeverAnswersIsUnavailable() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread taker = new Thread(() -> {
                try (Socket taken = silent.accept()) {
                    taken.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the test is over
                }
            });
            taker.setDaemon(true);
            taker.start();

            assertThatThrownBy(() -> routes().create().create(request(service(silent.getLocalPort(), "x"))))
                    .isInstanceOfSatisfying(BackupException.class, e ->
                            assertThat(e.reason()).isEqualTo(BackupException.Reason.VOICESERVER_UNAVAILABLE));
        }
    }

    private RecordedRoutes routes() {
        RecordedRoutes routes = new RecordedRoutes();
        new EchoVoiceProvider(new TestProviderContext("echovoice", TestDatabase.dataSource("echovoice"), workDir)
                .withSetting("timeout-ms", "300")).registerRoutes(routes);
        return routes;
    }

    private static VoiceService service(int port, String password) {
        return VoiceService.builder(TestDatabase.newServiceId(), EchoVoiceProvider.TYPE).host("127.0.0.1").slots(8)
                .field(EchoVoiceClient.PORT, port).secret(EchoVoiceClient.PASSWORD, password).build();
    }

    private static BackupRequest request(VoiceService service) {
        return new BackupRequest(service, "test", "failures-test");
    }
}
