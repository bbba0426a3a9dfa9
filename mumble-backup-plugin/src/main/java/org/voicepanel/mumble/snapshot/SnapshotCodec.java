package org.voicepanel.mumble.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON of a {@link MumbleSnapshot} (docs/mumble.md). Reading is strict: an unknown
 * or missing property, a null, a repeated key or anything after the object refuses the file, and what
 * is read is then checked by {@link SnapshotValidator}. Thread-safe.
 */
public final class SnapshotCodec {

    private final SnapshotValidator validator = new SnapshotValidator();

    /** Reads one snapshot from {@code payload} (UTF-8 JSON) and checks it; the caller bounds the size. */
    public MumbleSnapshot read(InputStream payload) throws IOException {
        MumbleSnapshot snapshot;
        try {
            snapshot = Json.MAPPER.readValue(payload, MumbleSnapshot.class);
        } catch (JacksonException e) {
            throw new SnapshotRejectedException("it is not a Mumble snapshot of this panel ("
                    + firstLine(e.getOriginalMessage()) + ")");
        }
        if (snapshot == null) {
            throw new SnapshotRejectedException("it is empty");
        }
        validator.check(snapshot);
        return snapshot;
    }

    public void write(MumbleSnapshot snapshot, OutputStream out) throws IOException {
        try {
            Json.MAPPER.writeValue(out, snapshot);
        } catch (JacksonException e) {
            throw new IOException("The snapshot could not be written", e);
        }
    }

    /**
     * Built on first use, not with the plugin: building a mapper loads some 500 classes, half a second of every
     * panel start, also on panels that never back up a Mumble server.
     */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Jackson's message without the source excerpt it may append. */
    private static String firstLine(String message) {
        String text = message == null ? "malformed JSON" : message;
        int end = text.indexOf('\n');
        text = end < 0 ? text : text.substring(0, end);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
