package org.voicepanel.host.service;

import java.util.Map;
import java.util.regex.Pattern;
import org.voicepanel.host.web.ApiException;

/**
 * A service as an admin submits it, checked field by field: what every voice-server type has here,
 * the type's own connection fields by {@link ConnectionFields}. Connection data ends up on a voice
 * server's wire, so control characters are refused everywhere.
 *
 * @param fields the type's connection fields, checked as its provider declared them
 */
public record ServiceDraft(long ownerUserId, String name, String type, String host, int slots,
                           SubmittedFields fields) {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

    /** Reads the JSON body of {@code POST /admin/services}; {@code creating} is false for edits. */
    @SuppressWarnings("unchecked")
    public static ServiceDraft from(Map<String, Object> body, boolean creating, ConnectionFields declared) {
        if (body == null || !(body.get("voiceserver") instanceof Map<?, ?> voiceserverRaw)) {
            throw ApiException.badRequest("A service needs owner_user_id, name and a voiceserver object.");
        }
        Map<String, Object> vs = (Map<String, Object>) voiceserverRaw;
        String type = matching(vs, "type", TYPE, "lower-case letters, digits and dashes");
        return new ServiceDraft(
                positive(body, "owner_user_id", Long.MAX_VALUE),
                text(body, "name", 128),
                type,
                matching(vs, "host", HOST, "a host name or IP address"),
                (int) positive(vs, "slots", 1_000_000),
                declared.read(type, vs, creating));
    }

    private static String text(Map<String, Object> map, String key, int max) {
        Object value = map.get(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw ApiException.badRequest("The field " + key + " is required.");
        }
        if (text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("The field " + key + " must be text of at most " + max
                    + " characters, without control characters.");
        }
        return text;
    }

    private static String matching(Map<String, Object> map, String key, Pattern pattern, String what) {
        String value = text(map, key, 255);
        if (!pattern.matcher(value).matches()) {
            throw ApiException.badRequest("The field " + key + " must be " + what + ".");
        }
        return value;
    }

    private static long positive(Map<String, Object> map, String key, long max) {
        Object value = map.get(key);
        if (value instanceof Number number && number.doubleValue() == number.longValue()
                && number.longValue() > 0 && number.longValue() <= max) {
            return number.longValue();
        }
        throw ApiException.badRequest("The field " + key + " must be a whole number from 1 to " + max + ".");
    }
}
