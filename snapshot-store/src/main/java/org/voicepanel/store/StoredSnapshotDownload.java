package org.voicepanel.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.voicepanel.api.SnapshotDownload;

/** A stored sealed file, streamed chunk by chunk from the database exactly as stored. */
final class StoredSnapshotDownload implements SnapshotDownload {

    private final ChunkReader chunks;
    private final StoredSnapshot snapshot;
    private final String fileNamePrefix;

    StoredSnapshotDownload(ChunkReader chunks, StoredSnapshot snapshot, String fileNamePrefix) {
        this.chunks = chunks;
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

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream sealed = chunks) {
            sealed.transferTo(out);
        }
    }
}
