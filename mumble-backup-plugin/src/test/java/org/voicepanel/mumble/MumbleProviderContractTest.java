package org.voicepanel.mumble;

import com.zeroc.Ice.UserException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.VoiceBackupProvider;
import org.voicepanel.api.VoiceService;
import org.voicepanel.api.testing.VoiceBackupProviderContract;
import org.voicepanel.api.testing.VoiceServerProbe;
import org.voicepanel.mumble.murmur.MurmurProcess;
import org.voicepanel.mumble.murmur.ServerContent;
import org.voicepanel.mumble.murmur.ServerSetup;

/** The Mumble provider checked against the plugin API's contract, over MariaDB and a real murmurd. */
class MumbleProviderContractTest extends VoiceBackupProviderContract {

    @TempDir
    static Path workDir;

    private static MurmurProcess murmur;
    private static VoiceService service;
    private static VoiceService unreachable;

    @BeforeAll
    static void startMurmur() throws UserException {
        murmur = MurmurProcess.start(workDir.resolve("murmur"));
        ServerSetup.populate(murmur.server());
        service = MumbleHarness.service(murmur);
        unreachable = MumbleHarness.service(MurmurProcess.freePort(), murmur.secret());
    }

    @AfterAll
    static void stopMurmur() {
        murmur.close();
    }

    @Override
    protected ProviderContext context() {
        return MumbleHarness.context(workDir);
    }

    @Override
    protected VoiceBackupProvider createProvider(ProviderContext context) {
        return new MumbleBackupProvider(context);
    }

    @Override
    protected VoiceService runningService() {
        return service;
    }

    @Override
    protected VoiceService unreachableService() {
        return unreachable;
    }

    @Override
    protected VoiceServerProbe probe() {
        return new VoiceServerProbe() {
            @Override
            public Object content(VoiceService ignored) {
                return ServerContent.of(murmur.server());
            }

            @Override
            public void change(VoiceService ignored) {
                try {
                    ServerSetup.change(murmur.server());
                } catch (UserException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
