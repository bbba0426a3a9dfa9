package org.voicepanel.host.plugin;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.voicepanel.api.ConnectionField;

/** Checks the connection fields a provider declares for a type before the host relies on them. */
final class DeclaredFields {

    private static final Set<String> HOST_KEYS = Set.of("type", "host", "slots");

    private DeclaredFields() {
    }

    static List<ConnectionField> check(String type, List<ConnectionField> fields) {
        if (fields == null) {
            throw new IllegalStateException("it declares no connection field list for " + type);
        }
        Set<String> names = new HashSet<>();
        for (ConnectionField field : fields) {
            if (field == null || HOST_KEYS.contains(field.name()) || !names.add(field.name())) {
                throw new IllegalStateException("its connection fields for " + type + " repeat a name or use one of "
                        + HOST_KEYS);
            }
        }
        return List.copyOf(fields);
    }
}
