package org.voicepanel.teamspeak.snapshot;

import java.io.InputStream;

/**
 * Snapshot text that {@link SnapshotValidator} has proved to be one TeamSpeak snapshot of a known
 * dialect. Only the validator makes these, so code that puts a snapshot on the wire can demand one and
 * cannot be handed unchecked text by mistake. Immutable.
 */
public final class ValidSnapshot {

    /** What a restore puts between {@code serversnapshotdeploy} and the snapshot. */
    public static final String DEPLOY_OPTIONS = "-keepfiles -mapping ";

    // either the snapshot alone, or DEPLOY_OPTIONS followed by it: a restore of a large snapshot then
    // holds one copy of the line it sends, not two (ts3-api copies it twice more while sending)
    private final String line;
    private final int textStart;
    private final SnapshotDialect dialect;

    ValidSnapshot(String text, SnapshotDialect dialect) {
        this(text, 0, dialect);
    }

    ValidSnapshot(String line, int textStart, SnapshotDialect dialect) {
        this.line = line;
        this.textStart = textStart;
        this.dialect = dialect;
    }

    /** The snapshot exactly as the server wrote it, escapes and all. */
    public String text() {
        return textStart == 0 ? line : line.substring(textStart);
    }

    /** The parameters of {@code serversnapshotdeploy}: {@link #DEPLOY_OPTIONS} and the snapshot. */
    public String deployParameters() {
        return textStart == DEPLOY_OPTIONS.length() ? line : DEPLOY_OPTIONS + text();
    }

    public SnapshotDialect dialect() {
        return dialect;
    }

    /** The text's UTF-8 bytes, which is what is stored and what goes on the wire. */
    public InputStream openUtf8() {
        return new Utf8TextStream(text());
    }

    /** Says which dialect, never the content: snapshots carry client identities and permissions. */
    @Override
    public String toString() {
        return "ValidSnapshot[" + dialect + ", " + (line.length() - textStart) + " characters]";
    }
}
