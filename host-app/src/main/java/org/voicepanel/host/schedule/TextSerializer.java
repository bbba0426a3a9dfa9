package org.voicepanel.host.schedule;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.nio.charset.StandardCharsets;

/**
 * Task data as UTF-8 text (a run's due time, ISO-8601), readable in the table and never Java deserialization of
 * bytes from the database.
 */
final class TextSerializer implements Serializer {

    @Override
    public byte[] serialize(Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof String text)) {
            throw new IllegalArgumentException("Scheduled task data must be text: " + data.getClass().getName());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (type != String.class && type != Object.class) {
            throw new IllegalArgumentException("Scheduled task data is text, not " + type.getName());
        }
        return type.cast(new String(bytes, StandardCharsets.UTF_8));
    }
}
