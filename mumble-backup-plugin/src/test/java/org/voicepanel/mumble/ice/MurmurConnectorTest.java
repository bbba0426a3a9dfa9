package org.voicepanel.mumble.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.api.VoiceService;

/** The communicator starts with the first call, not with the plugin, and goes with the plugin. */
class MurmurConnectorTest {

    /** Nothing listens on port 1. */
    private static final VoiceService NOWHERE = VoiceService.builder(1, "mumble").host("127.0.0.1").slots(10)
            .field("ice_port", 1).secret("ice_secret", "secret").field("virtual_server_id", 1).build();

    @Test
    void aConnectorStartsNoIceThreadUntilItIsCalled() {
        List<String> before = iceThreads();
        try (MurmurConnector connector = new MurmurConnector(1000, 1000, 1024 * 1024)) {
            assertThat(iceThreads()).isEqualTo(before);

            assertThatThrownBy(() -> connector.call(NOWHERE, "reading its status",
                    (server, meta) -> server.isRunning()))
                    .isInstanceOfSatisfying(BackupException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.VOICESERVER_UNAVAILABLE));
            assertThat(iceThreads()).hasSizeGreaterThan(before.size());
        }
    }

    @Test
    void aClosedConnectorRefusesCallsAsUnavailable() {
        MurmurConnector connector = new MurmurConnector(1000, 1000, 1024 * 1024);
        connector.close();

        assertThatThrownBy(() -> connector.call(NOWHERE, "reading its status",
                (server, meta) -> server.isRunning()))
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.VOICESERVER_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("stopping");
                });
    }

    private static List<String> iceThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("Ice.")).sorted().toList();
    }
}
