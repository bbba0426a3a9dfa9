package org.voicepanel.host.backup;

import org.springframework.stereotype.Component;
import org.voicepanel.api.SnapshotInfo;
import tools.jackson.databind.module.SimpleModule;

/** Teaches the panel's JSON mapper the list shape of a snapshot (docs/api.md); Spring Boot registers it. */
@Component
class SnapshotJsonModule extends SimpleModule {

    SnapshotJsonModule() {
        super("snapshot-json");
        addSerializer(SnapshotInfo.class, new SnapshotInfoSerializer());
    }
}
