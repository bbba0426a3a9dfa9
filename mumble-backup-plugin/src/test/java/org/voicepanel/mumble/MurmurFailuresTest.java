package org.voicepanel.mumble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zeroc.Ice.UserException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.api.VoiceService;
import org.voicepanel.mumble.murmur.MurmurProcess;
import org.voicepanel.mumble.murmur.ServerContent;
import org.voicepanel.mumble.murmur.ServerSetup;

/** What users see when murmurd cannot be reached, refuses the secret, or runs a stopped virtual server. */
class MurmurFailuresTest {

    @TempDir
    static Path workDir;

    private static MurmurProcess murmur;
    private static MumbleHarness panel;

    @BeforeAll
    static void start() throws UserException {
        murmur = MurmurProcess.start(workDir.resolve("murmur"));
        ServerSetup.populate(murmur.server());
        panel = new MumbleHarness(workDir);
    }

    @AfterAll
    static void stop() {
        try {
            if (panel != null) {
                panel.close();
            }
        } finally {
            murmur.close();
        }
    }

    @AfterEach
    void startAgain() throws UserException {
        if (!murmur.server().isRunning()) {
            murmur.server().start();
        }
    }

    @Test
    void unreachableIcePortIsUnavailableAndStoresNothing() {
        VoiceService nowhere = MumbleHarness.service(MurmurProcess.freePort(), murmur.secret());

        for (Runnable call : new Runnable[] {() -> panel.create(nowhere), () -> panel.status(nowhere)}) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(BackupException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.VOICESERVER_UNAVAILABLE);
                assertThat(e.getMessage()).contains("cannot be reached").doesNotContain(murmur.secret());
            });
        }
        assertThat(panel.list(nowhere)).isEmpty();
    }

    @Test
    void wrongSecretIsRefusedWithoutShowingEitherSecret() {
        String wrong = "wrong-" + murmur.secret();
        VoiceService service = MumbleHarness.service(murmur.icePort(), wrong);

        assertThatThrownBy(() -> panel.create(service)).isInstanceOfSatisfying(BackupException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.VOICESERVER_ERROR);
            assertThat(e.getMessage()).contains("refused the Ice secret").doesNotContain(wrong)
                    .doesNotContain(murmur.secret());
        });
        assertThat(panel.list(service)).isEmpty();
        assertThat(service.toString()).doesNotContain(wrong);
    }

    @Test
    void stoppedServerShowsOfflineAndRefusesASnapshot() throws UserException {
        VoiceService service = MumbleHarness.service(murmur);
        murmur.server().stop();

        assertThat(panel.status(service).status()).isEqualTo("offline");
        assertThatThrownBy(() -> panel.create(service)).isInstanceOfSatisfying(BackupException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.VOICESERVER_ERROR);
            assertThat(e.getMessage()).contains("not running");
        });
        assertThat(panel.list(service)).isEmpty();
    }

    @Test
    void restoreStartsAStoppedServerAndBringsItsContentBack() throws UserException {
        VoiceService service = MumbleHarness.service(murmur);
        Object saved = ServerContent.of(murmur.server());
        long id = panel.create(service);
        ServerSetup.change(murmur.server());
        murmur.server().stop();

        panel.restore(service, id);

        assertThat(murmur.server().isRunning()).isTrue();
        assertThat(panel.status(service).status()).isEqualTo("online");
        assertThat(ServerContent.of(murmur.server())).isEqualTo(saved);
    }

    @Test
    void missingVirtualServerIsNamed() {
        VoiceService service = MumbleHarness.service(murmur).toBuilder(1)
                .field("virtual_server_id", 4242).build();

        assertThatThrownBy(() -> panel.status(service)).isInstanceOfSatisfying(BackupException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.VOICESERVER_ERROR);
            assertThat(e.getMessage()).contains("no virtual server 4242");
        });
    }
}
