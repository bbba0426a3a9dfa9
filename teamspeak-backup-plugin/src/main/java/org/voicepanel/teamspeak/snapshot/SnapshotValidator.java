package org.voicepanel.teamspeak.snapshot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Proves that a payload is exactly one TeamSpeak snapshot of a known dialect before the panel stores or
 * deploys it. The deploy sends a snapshot verbatim after {@code serversnapshotdeploy}, so this is what
 * keeps a crafted file from smuggling a second command, an option or a stray record onto that line.
 *
 * <p>One pass over the stream, nothing kept but small buffers. Thread-safe.
 */
public final class SnapshotValidator {

    /**
     * The largest decompressed v2/v3 data accepted. TeaSpeak, the only documented reader, refuses more
     * than about 512 MiB; a limit also stops a small file from decompressing into an endless stream.
     */
    public static final long MAX_DECOMPRESSED_BYTES = 512L * 1024 * 1024;

    private final long maxPayloadBytes;
    private final long maxDecompressedBytes;

    public SnapshotValidator(long maxPayloadBytes) {
        this(maxPayloadBytes, MAX_DECOMPRESSED_BYTES);
    }

    public SnapshotValidator(long maxPayloadBytes, long maxDecompressedBytes) {
        if (maxPayloadBytes <= 0 || maxDecompressedBytes <= 0) {
            throw new IllegalArgumentException("snapshot size limits must be positive");
        }
        this.maxPayloadBytes = maxPayloadBytes;
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    public long maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /**
     * Reads the payload to its end and returns its dialect.
     *
     * @throws SnapshotRejectedException when it is not one intact snapshot; the message says why
     * @throws IOException when the stream itself fails
     */
    public SnapshotDialect validate(InputStream payload) throws IOException {
        WireReader reader = new WireReader(payload, maxPayloadBytes);
        try {
            if (reader.startsWith("hash=")) {
                LegacySnapshotCheck.check(reader);
                return SnapshotDialect.LEGACY;
            }
            if (reader.startsWith("version=")) {
                return VersionedSnapshotCheck.check(reader, maxDecompressedBytes);
            }
            if (reader.next() == WireReader.END) {
                throw new SnapshotRejectedException("it is empty");
            }
            throw new SnapshotRejectedException("it does not begin with hash= or version= as TeamSpeak snapshots do");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Checks snapshot text such as ts3-api returns it; its UTF-8 form is what is checked. */
    public ValidSnapshot check(String text) {
        try {
            return new ValidSnapshot(text, validate(new Utf8TextStream(text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory stream does not fail
        }
    }

    /**
     * Checks snapshot bytes (a stored payload). The bytes are checked as they are, before they become a
     * string: strict UTF-8 guarantees that the string sent later encodes back to exactly these bytes.
     */
    public ValidSnapshot check(byte[] bytes, int length) {
        try {
            SnapshotDialect dialect = validate(new ByteArrayInputStream(bytes, 0, length));
            return new ValidSnapshot(new String(bytes, 0, length, StandardCharsets.UTF_8), dialect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a stored payload that follows {@link ValidSnapshot#DEPLOY_OPTIONS} in {@code bytes}, as a
     * restore collects it, so that the deploy line becomes one string without a further copy.
     */
    public ValidSnapshot checkAfterDeployOptions(byte[] bytes, int length) {
        byte[] options = ValidSnapshot.DEPLOY_OPTIONS.getBytes(StandardCharsets.US_ASCII);
        if (length < options.length || !Arrays.equals(bytes, 0, options.length, options, 0, options.length)) {
            throw new IllegalArgumentException("the payload does not follow the deploy options");
        }
        try {
            SnapshotDialect dialect = validate(new ByteArrayInputStream(bytes, options.length, length - options.length));
            return new ValidSnapshot(new String(bytes, 0, length, StandardCharsets.UTF_8), options.length, dialect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "64 MiB", or the bytes when not whole mebibytes. */
    public static String describeSize(long bytes) {
        long mebibyte = 1024 * 1024;
        return bytes % mebibyte == 0 ? bytes / mebibyte + " MiB" : bytes + " bytes";
    }
}
