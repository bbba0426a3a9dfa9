package org.voicepanel.host.service;

import java.util.Map;
import java.util.regex.Pattern;
import org.voicepanel.host.web.ApiException;

/**
 * A service as an admin submits it, checked field by field. Connection data ends up on the
 * voice server's query wire, so control characters are refused here already.
 */
public record ServiceDraft(long ownerUserId, String name, String type, String host, int queryPort,
                           String queryUsername, String queryPassword, int virtualServerId, int slots) {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

    /** Reads the JSON body of {@code POST /admin/services}; {@code passwordRequired} is false for edits. */
    @SuppressWarnings("unchecked")
    public static ServiceDraft from(Map<String, Object> body, boolean passwordRequired) {
        if (body == null || !(body.get("voiceserver") instanceof Map<?, ?> voiceserverRaw)) {
            throw ApiException.badRequest("A service needs owner_user_id, name and a voiceserver object.");
        }
        Map<String, Object> vs = (Map<String, Object>) voiceserverRaw;
        String password = optionalText(vs, "query_password", 255);
        if (passwordRequired && password == null) {
            throw ApiException.badRequest("voiceserver.query_password is required.");
        }
        return new ServiceDraft(
                positive(body, "owner_user_id", Long.MAX_VALUE),
                text(body, "name", 128),
                matching(vs, "type", TYPE, "lower-case letters, digits and dashes"),
                matching(vs, "host", HOST, "a host name or IP address"),
                (int) positive(vs, "query_port", 65535),
                text(vs, "query_username", 128),
                password,
                (int) positive(vs, "virtual_server_id", Integer.MAX_VALUE),
                (int) positive(vs, "slots", 1_000_000));
    }

    private static String text(Map<String, Object> map, String key, int max) {
        String value = optionalText(map, key, max);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(key + " is required.");
        }
        return value;
    }

    private static String optionalText(Map<String, Object> map, String key, int max) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(key + " must be text of at most " + max + " characters, without control characters.");
        }
        return text;
    }

    private static String matching(Map<String, Object> map, String key, Pattern pattern, String what) {
        String value = text(map, key, 255);
        if (!pattern.matcher(value).matches()) {
            throw ApiException.badRequest(key + " must be " + what + ".");
        }
        return value;
    }

    private static long positive(Map<String, Object> map, String key, long max) {
        Object value = map.get(key);
        if (value instanceof Number number && number.doubleValue() == number.longValue()
                && number.longValue() > 0 && number.longValue() <= max) {
            return number.longValue();
        }
        throw ApiException.badRequest(key + " must be a whole number from 1 to " + max + ".");
    }
}
