package org.voicepanel.teamspeak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.voicepanel.api.SnapshotDownload;
import org.voicepanel.teamspeak.store.SnapshotStore;
import org.voicepanel.teamspeak.store.StoredSnapshot;

/** A stored sealed file, streamed chunk by chunk from the database exactly as stored. */
final class StoredSnapshotDownload implements SnapshotDownload {

    private final SnapshotStore store;
    private final StoredSnapshot snapshot;

    StoredSnapshotDownload(SnapshotStore store, StoredSnapshot snapshot) {
        this.store = store;
        this.snapshot = snapshot;
    }

    @Override
    public String fileName() {
        return "teamspeak3-service-" + snapshot.serviceId() + "-snapshot-" + snapshot.id() + ".vpsnap";
    }

    @Override
    public long size() {
        return snapshot.size();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream sealed = store.openSealed(snapshot)) {
            sealed.transferTo(out);
        }
    }
}
