package org.voicepanel.teamspeak.snapshot;

import java.io.InputStream;

/**
 * Snapshot text that {@link SnapshotValidator} has proved to be one TeamSpeak snapshot of a known
 * dialect. Only the validator makes these, so code that puts a snapshot on the wire can demand one and
 * cannot be handed unchecked text by mistake. Immutable.
 */
public final class ValidSnapshot {

    private final String text;
    private final SnapshotDialect dialect;

    ValidSnapshot(String text, SnapshotDialect dialect) {
        this.text = text;
        this.dialect = dialect;
    }

    /** The snapshot exactly as the server wrote it, escapes and all. */
    public String text() {
        return text;
    }

    public SnapshotDialect dialect() {
        return dialect;
    }

    /** The text's UTF-8 bytes, which is what is stored and what goes on the wire. */
    public InputStream openUtf8() {
        return new Utf8TextStream(text);
    }

    /** Says which dialect, never the content: snapshots carry client identities and permissions. */
    @Override
    public String toString() {
        return "ValidSnapshot[" + dialect + ", " + text.length() + " characters]";
    }
}
