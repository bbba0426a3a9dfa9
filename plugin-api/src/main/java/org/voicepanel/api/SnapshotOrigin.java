package org.voicepanel.api;

/**
 * Where a stored snapshot came from.
 *
 * @since 1.0
 */
public enum SnapshotOrigin {
    /** Taken from the running voice server by the panel. */
    CREATED("created"),
    /** Uploaded by a user. */
    UPLOADED("uploaded");

    private final String wireName;

    SnapshotOrigin(String wireName) {
        this.wireName = wireName;
    }

    /** The name the HTTP contract uses: {@code created} or {@code uploaded}. */
    public String wireName() {
        return wireName;
    }
}
