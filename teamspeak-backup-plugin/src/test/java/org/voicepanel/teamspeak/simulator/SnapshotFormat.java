package org.voicepanel.teamspeak.simulator;

/**
 * The snapshot dialects of TeamSpeak 3 servers (docs/teamspeak.md 2.2). The simulator answers
 * {@code serversnapshotcreate} in the chosen one and accepts all three on deploy.
 */
public enum SnapshotFormat {
    /** Servers up to 3.9: {@code hash=<base64 sha1>|<escaped records>}, uncompressed. */
    LEGACY,
    /** Servers 3.10 and 3.11: {@code version=2|<base64(zstd(records))>}. */
    V2,
    /** Servers 3.12 and later: {@code version=3 data=<base64(zstd(records))>}. */
    V3
}
