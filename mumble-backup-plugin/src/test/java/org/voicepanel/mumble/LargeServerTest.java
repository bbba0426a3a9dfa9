package org.voicepanel.mumble;

import static org.assertj.core.api.Assertions.assertThat;

import Murmur.ServerPrx;
import com.zeroc.Ice.UserException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.VoiceService;
import org.voicepanel.mumble.murmur.MurmurProcess;
import org.voicepanel.mumble.murmur.ServerContent;
import org.voicepanel.mumble.murmur.ServerSetup;

/** A virtual server with 1,000 channels, ten levels deep in places, backs up and restores whole. */
class LargeServerTest {

    static final int CHANNELS = 1_000;

    @TempDir
    static Path workDir;

    private static MurmurProcess murmur;
    private static MumbleHarness panel;

    @BeforeAll
    static void start() throws UserException {
        murmur = MurmurProcess.start(workDir.resolve("murmur"));
        ServerSetup.populate(murmur.server());
        ServerPrx server = murmur.server();
        int parent = 0;
        for (int i = 0; i < CHANNELS - 3; i++) {
            // every hundredth channel starts a new chain of nine below the root
            parent = i % 100 == 0 || i % 10 == 9 ? 0 : parent;
            parent = server.addChannel("Channel " + i, parent);
        }
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

    @Test
    void thousandChannelsComeBackAfterAChange() throws UserException {
        VoiceService service = MumbleHarness.service(murmur);
        Object saved = ServerContent.of(murmur.server());
        assertThat(murmur.server().getChannels()).hasSizeGreaterThanOrEqualTo(CHANNELS);
        long id = panel.create(service);
        ServerSetup.change(murmur.server());
        murmur.server().removeChannel(murmur.server().getChannels().values().stream()
                .filter(channel -> channel.name.equals("Channel 500")).findFirst().orElseThrow().id);

        panel.restore(service, id);

        assertThat(ServerContent.of(murmur.server())).isEqualTo(saved);
        assertThat(murmur.server().getChannels()).hasSize(murmur.server().getChannels().size());
    }
}
