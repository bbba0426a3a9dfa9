package org.voicepanel.host.web;

import java.util.stream.Collectors;
import tools.jackson.databind.DatabindException;

/** Names the field of a JSON body that could not be read as its type ({@code "voiceserver.slots"}). */
final class BodyFields {

    private BodyFields() {
    }

    /** The dotted path of the offending field, or null when the failure is not about one (e.g. broken JSON). */
    static String offending(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                String path = databind.getPath().stream()
                        .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                                : Integer.toString(reference.getIndex()))
                        .collect(Collectors.joining("."));
                return path.isEmpty() ? null : path;
            }
        }
        return null;
    }
}
