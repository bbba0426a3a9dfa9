package org.voicepanel.host.web;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body read and checked as the panel does it: Jackson with the features application.properties sets
 * (unknown fields left to the body, no float-as-int, no coercion of scalars), then {@link RequestBodies}.
 */
public final class JsonBodies {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final RequestBodies BODIES = new RequestBodies(VALIDATION.getValidator());

    private JsonBodies() {
    }

    /** The body, read and checked; an {@link ApiException} when the checks refuse it. */
    public static <T> T checked(String json, Class<T> type) {
        return BODIES.checked(MAPPER.readValue(json, type));
    }

    /** The message of the 400 a refused body is answered with, by the reader or by the checks. */
    public static String refusal(String json, Class<?> type) {
        try {
            checked(json, type);
        } catch (ApiException e) {
            return e.getMessage();
        } catch (JacksonException e) {
            // as Spring MVC hands an unreadable body to the error mapper
            Envelope answer = new ApiExceptionHandler().badRequest(
                    new HttpMessageNotReadableException("unreadable", e, null)).getBody();
            return answer.message();
        }
        throw new AssertionError("The body was accepted: " + json);
    }
}
