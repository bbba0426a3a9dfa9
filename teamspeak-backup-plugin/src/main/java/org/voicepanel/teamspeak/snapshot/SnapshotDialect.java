package org.voicepanel.teamspeak.snapshot;

/**
 * The snapshot formats TeamSpeak 3 servers answer {@code serversnapshotcreate} with
 * (docs/teamspeak.md 2.2). The panel stores each exactly as received and deploys it unchanged.
 */
public enum SnapshotDialect {
    /** Servers up to 3.9: {@code hash=<base64 sha1>|<escaped records>}, uncompressed. */
    LEGACY("legacy"),
    /** Servers 3.10 and 3.11: {@code version=2|<base64 of zstd data>}. */
    VERSION_2("v2"),
    /** Servers 3.12 and later: {@code version=3 data=<base64 of zstd data>}. */
    VERSION_3("v3");

    private final String storedName;

    SnapshotDialect(String storedName) {
        this.storedName = storedName;
    }

    /** The short name kept in the snapshot table. */
    public String storedName() {
        return storedName;
    }

    public static SnapshotDialect fromStoredName(String name) {
        for (SnapshotDialect dialect : values()) {
            if (dialect.storedName.equals(name)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unknown snapshot dialect " + name);
    }
}
