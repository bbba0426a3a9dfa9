package org.example.exploding;

import java.util.Set;
import org.pf4j.Extension;
import org.voicepanel.api.BackupRoutes;
import org.voicepanel.api.VoiceBackupProvider;

/** Would serve "explodingvoice", if its plugin ever started. */
@Extension
public final class ExplodingProvider implements VoiceBackupProvider {

    @Override
    public Set<String> voiceServerTypes() {
        return Set.of("explodingvoice");
    }

    @Override
    public void registerRoutes(BackupRoutes routes) {
        routes.list(request -> java.util.List.of());
    }
}
