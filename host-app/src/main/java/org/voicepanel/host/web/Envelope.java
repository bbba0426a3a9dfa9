package org.voicepanel.host.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one JSON envelope of every response (docs/api.md, Conventions). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(String status, Object data, String message, String code) {

    public static Envelope data(Object data) {
        return new Envelope("success", data, null, null);
    }

    /** Success data under a single key: {@code {"status":"success","data":{key: value}}}. */
    public static Envelope data(String key, Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(key, value);
        return data(data);
    }

    public static Envelope message(String message) {
        return new Envelope("success", null, message, null);
    }

    public static Envelope error(ErrorCode code, String message) {
        return new Envelope("error", null, message, code.name());
    }
}
