package org.voicepanel.host.web;

import java.math.BigInteger;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Names the field of a JSON body that could not be read as its type ({@code "voiceserver.slots"}). */
final class BodyFields {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
            Short.class, short.class, BigInteger.class);

    private BodyFields() {
    }

    /** The sentence for a body that could not be read as its type, or null when the failure is not about one field. */
    static String sentence(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                String path = databind.getPath().stream()
                        .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                                : Integer.toString(reference.getIndex()))
                        .collect(Collectors.joining("."));
                if (path.isEmpty()) {
                    return null;
                }
                if (databind instanceof MismatchedInputException mismatch
                        && WHOLE_NUMBERS.contains(mismatch.getTargetType())) {
                    return "The field " + path + " must be a whole number.";
                }
                return "The field " + path + " has the wrong type or form.";
            }
        }
        return null;
    }
}
