package org.voicepanel.host.backup.catalog;

/** What the host keeps of one snapshot beside its plugin's row. */
public record CatalogEntry(long snapshotId, boolean scheduled, boolean pinned, String label) {

    static final CatalogEntry NONE = new CatalogEntry(0, false, false, null);
}
