package org.voicepanel.host.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Checks a request body with Bean Validation once the route has checked the caller's role, so a caller without
 * the role hears 403 whatever the body holds (the contract's order). A refusal is a 400 whose message has one
 * sentence per failing field, in field order, so the same body always reads the same.
 */
@Component
public class RequestBodies {

    /** For {@code @Pattern}: text without control characters (line breaks included), as everywhere on the wire. */
    public static final String NO_CONTROL_CHARACTERS = "[^\\p{Cc}]*";

    private final Validator validator;

    public RequestBodies(Validator validator) {
        this.validator = validator;
    }

    /** The body itself when it passes the default constraints and those of {@code groups}. */
    public <T> T checked(T body, Class<?>... groups) {
        if (body == null) {
            throw ApiException.badRequest("The request needs a JSON body.");
        }
        Class<?>[] all = new Class<?>[groups.length + 1];
        all[0] = Default.class;
        System.arraycopy(groups, 0, all, 1, groups.length);
        Set<ConstraintViolation<T>> violations = validator.validate(body, all);
        if (!violations.isEmpty()) {
            Map<String, String> byField = new TreeMap<>();
            for (ConstraintViolation<T> violation : violations) {
                String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                boolean missing = annotation.equals("NotNull") || annotation.equals("NotBlank");
                String field = violation.getPropertyPath().toString();
                if (missing || !byField.containsKey(field)) {
                    byField.put(field, violation.getMessage());
                }
            }
            throw ApiException.badRequest(String.join(" ", byField.values()));
        }
        return body;
    }
}
