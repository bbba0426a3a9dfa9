package org.voicepanel.host.backup.catalog;

import java.time.temporal.ChronoUnit;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.host.backup.catalog.SnapshotListing.ListedSnapshot;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * {@code {snapshot_id, created_at, size, sha256, origin, created_by, pinned, label}} straight to the generator, as
 * the plain list is written (a list may hold ten thousand snapshots). {@code origin} is {@code scheduled} for a
 * snapshot a schedule made; {@code label} is left out when there is none.
 */
final class ListedSnapshotSerializer extends StdSerializer<ListedSnapshot> {

    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString SNAPSHOT_ID = new SerializedString("snapshot_id");
    private static final SerializableString CREATED_AT = new SerializedString("created_at");
    private static final SerializableString SIZE = new SerializedString("size");
    private static final SerializableString SHA256 = new SerializedString("sha256");
    private static final SerializableString ORIGIN = new SerializedString("origin");
    private static final SerializableString CREATED_BY = new SerializedString("created_by");
    private static final SerializableString PINNED = new SerializedString("pinned");
    private static final SerializableString LABEL = new SerializedString("label");

    ListedSnapshotSerializer() {
        super(ListedSnapshot.class);
    }

    @Override
    public void serialize(ListedSnapshot listed, JsonGenerator json, SerializationContext context) {
        SnapshotInfo snapshot = listed.info();
        CatalogEntry entry = listed.entry();
        json.writeStartObject(listed);
        json.writeName(ID);
        json.writeNumber(snapshot.snapshotId());
        json.writeName(SNAPSHOT_ID);
        json.writeNumber(snapshot.snapshotId());
        json.writeName(CREATED_AT);
        json.writeString(snapshot.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        json.writeName(SIZE);
        json.writeNumber(snapshot.size());
        json.writeName(SHA256);
        json.writeString(snapshot.sha256());
        json.writeName(ORIGIN);
        json.writeString(entry.scheduled() ? "scheduled" : snapshot.origin().wireName());
        json.writeName(CREATED_BY);
        json.writeString(snapshot.createdBy());
        json.writeName(PINNED);
        json.writeBoolean(entry.pinned());
        if (entry.label() != null) {
            json.writeName(LABEL);
            json.writeString(entry.label());
        }
        json.writeEndObject();
    }
}
