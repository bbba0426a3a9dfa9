package org.voicepanel.mumble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import Murmur.ServerPrx;
import Murmur.UserInfo;
import com.zeroc.Ice.UserException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.api.RestoreReport;
import org.voicepanel.api.VoiceService;
import org.voicepanel.api.testing.BytesUpload;
import org.voicepanel.mumble.murmur.MurmurProcess;
import org.voicepanel.mumble.murmur.ServerContent;
import org.voicepanel.mumble.murmur.ServerSetup;
import org.voicepanel.mumble.snapshot.MumbleSnapshot;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.ChannelEntry;
import org.voicepanel.mumble.snapshot.SnapshotCodec;

/** A restore replaces the content in place, keeps the passwords it can, says which it cannot, and never half restores. */
class InPlaceRestoreTest {

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

    @Test
    void usersWhoStayKeepTheirPasswordAndThoseRegisteredAnewAreReported() throws UserException {
        ServerPrx server = murmur.server();
        int dave = ServerSetup.register(server, "dave", "");
        int bob = server.getUserIds(new String[] {"bob"}).get("bob");
        server.updateRegistration(bob, Map.of(UserInfo.UserPassword, "bobs-password"));
        VoiceService service = MumbleHarness.service(murmur);
        long id = panel.create(service);
        server.unregisterUser(dave);
        ServerSetup.change(server);

        RestoreReport report = panel.restore(service, id);

        assertThat(report.notRestored()).singleElement().asString().contains("dave").contains("new password")
                .doesNotContain("bob").doesNotContain("alice");
        assertThat(server.verifyPassword("bob", "bobs-password")).isEqualTo(bob);
        assertThat(server.getRegisteredUsers("carol")).isEmpty();
    }

    @Test
    void restoreAppliesTheServiceSlots() {
        VoiceService usual = MumbleHarness.service(murmur);
        VoiceService fewer = usual.toBuilder(usual.serviceId()).slots(42).build();
        long id = panel.create(usual);

        panel.restore(fewer, id);

        assertThat(panel.status(fewer).slots()).isEqualTo(42);
        panel.restore(usual, id);
        assertThat(panel.status(usual).slots()).isEqualTo(100);
    }

    @Test
    void refusedPartPutsTheServerBackAsItWas() throws IOException, UserException {
        VoiceService service = MumbleHarness.service(murmur);
        MumbleSnapshot good = new SnapshotCodec().read(new ByteArrayInputStream(panel.payload(service,
                panel.create(service))));
        List<ChannelEntry> channels = new ArrayList<>(good.channels());
        int next = channels.stream().mapToInt(ChannelEntry::id).max().orElseThrow() + 1;
        // a chain deeper than murmurd's channelnestinglimit (10), which the snapshot format allows
        for (int depth = 0; depth < 12; depth++) {
            channels.add(new ChannelEntry(next + depth, depth == 0 ? 0 : next + depth - 1, "Level " + depth, "", 0,
                    List.of(), true, List.of(), List.of()));
        }
        MumbleSnapshot refused = new MumbleSnapshot(good.format(), good.version(), good.settings(), channels,
                good.users(), good.bans());
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        new SnapshotCodec().write(refused, payload);
        long id = panel.upload(service, new BytesUpload(payload.toByteArray(), false));
        ServerSetup.change(murmur.server());
        Object before = ServerContent.of(murmur.server());

        assertThatThrownBy(() -> panel.restore(service, id)).isInstanceOfSatisfying(BackupException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.VOICESERVER_ERROR);
            assertThat(e.getMessage()).contains("put back as it was before").doesNotContain(murmur.secret());
        });
        assertThat(ServerContent.of(murmur.server())).isEqualTo(before);
        assertThat(murmur.server().isRunning()).isTrue();
    }
}
