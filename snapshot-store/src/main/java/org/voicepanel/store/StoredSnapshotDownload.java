package org.voicepanel.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.voicepanel.api.SnapshotDownload;

/** A stored sealed file, streamed chunk by chunk from the database exactly as stored. */
final class StoredSnapshotDownload implements SnapshotDownload {

    private final SnapshotStore store;
    private final StoredSnapshot snapshot;
    private final String fileNamePrefix;
    private ChunkReader firstRead;

    /** @param firstRead a reader that already holds the first chunk, for the first {@link #writeTo} */
    StoredSnapshotDownload(SnapshotStore store, ChunkReader firstRead, StoredSnapshot snapshot, String fileNamePrefix) {
        this.store = store;
        this.firstRead = firstRead;
        this.snapshot = snapshot;
        this.fileNamePrefix = fileNamePrefix.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** For example {@code teamspeak3-service-7-snapshot-42.vpsnap}. */
    @Override
    public String fileName() {
        return fileNamePrefix + "-service-" + snapshot.serviceId() + "-snapshot-" + snapshot.id() + ".vpsnap";
    }

    @Override
    public long size() {
        return snapshot.size();
    }

    /** Each call streams the whole file; only the first finds its first chunk already read. */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        InputStream reader = firstRead != null ? firstRead : store.openSealed(snapshot);
        firstRead = null;
        try (InputStream sealed = reader) {
            sealed.transferTo(out);
        }
    }
}
