package org.voicepanel.host.schedule;

import java.util.Map;
import java.util.Set;
import org.voicepanel.host.web.ApiException;

/**
 * Typed, strict reads of a JSON object body: an unknown field, a wrong type or an out-of-range number is a
 * BAD_REQUEST naming the field, never a 500.
 */
public final class BodyFields {

    private final Map<String, Object> body;
    private final String prefix;

    private BodyFields(Map<String, Object> body, String prefix) {
        this.body = body;
        this.prefix = prefix;
    }

    /** The body, refusing a missing one and any field not in {@code allowed}. */
    public static BodyFields of(Map<String, Object> body, Set<String> allowed) {
        return of(body, allowed, "");
    }

    private static BodyFields of(Map<String, Object> body, Set<String> allowed, String prefix) {
        if (body == null) {
            throw ApiException.badRequest("The request needs a JSON object body.");
        }
        for (String field : body.keySet()) {
            if (!allowed.contains(field)) {
                throw ApiException.badRequest("Unknown field " + prefix + field + ".");
            }
        }
        return new BodyFields(body, prefix);
    }

    public boolean has(String field) {
        return body.get(field) != null;
    }

    public Boolean bool(String field) {
        Object value = body.get(field);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw ApiException.badRequest(prefix + field + " must be true or false.");
    }

    public String text(String field, int maxLength) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > maxLength
                || text.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(prefix + field + " must be a text of at most " + maxLength
                    + " characters without line breaks or control characters.");
        }
        return text;
    }

    public Long number(String field, long min, long max) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            long number = ((Number) value).longValue();
            if (number >= min && number <= max) {
                return number;
            }
        }
        throw ApiException.badRequest(prefix + field + " must be a whole number from " + min + " to " + max + ".");
    }

    @SuppressWarnings("unchecked")
    public BodyFields object(String field, Set<String> allowed) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw ApiException.badRequest(prefix + field + " must be a JSON object.");
        }
        return of((Map<String, Object>) map, allowed, prefix + field + ".");
    }
}
