package org.voicepanel.host.service;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.voicepanel.api.ConnectionField;
import org.voicepanel.host.plugin.ProviderRegistry;
import org.voicepanel.host.web.ApiException;

/**
 * The connection fields of each voice-server type, as the provider serving it declared them, and the
 * one place that reads them from a {@code voiceserver} JSON object. The host knows no field by name:
 * a type no loaded plugin serves has none, and a service of it carries only host and slots.
 */
@Component
public class ConnectionFields {

    private final ProviderRegistry registry;

    public ConnectionFields(ProviderRegistry registry) {
        this.registry = registry;
    }

    /** The fields of {@code type}, in their declared order; empty for a type no plugin serves. */
    public List<ConnectionField> of(String type) {
        return registry.forType(type).map(ProviderRegistry.Registration::fields).orElse(List.of());
    }

    /** {@code voiceserver}: the object's fields but the fixed ones ({@link ServiceDraft.VoiceServer}). */
    SubmittedFields read(String type, Map<String, Object> voiceserver, boolean creating) {
        List<ConnectionField> fields = of(type);
        Set<String> names = new LinkedHashSet<>();
        fields.forEach(field -> names.add(field.name()));
        for (String key : voiceserver.keySet()) {
            if (!names.contains(key)) {
                throw ApiException.badRequest("The field voiceserver." + key + " is not a connection field of " + type
                        + " voice servers" + (fields.isEmpty() ? " (no loaded plugin serves them)." : "; they have "
                        + String.join(", ", names) + "."));
            }
        }
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        Set<String> kept = new LinkedHashSet<>();
        Set<String> requiredSecrets = new LinkedHashSet<>();
        for (ConnectionField field : fields) {
            Object raw = voiceserver.get(field.name());
            if (field.isSecret() && field.isRequired()) {
                requiredSecrets.add(field.name());
            }
            if (raw == null) {
                if (field.isSecret() && !creating) {
                    kept.add(field.name());
                } else if (field.isRequired()) {
                    throw ApiException.badRequest("The field voiceserver." + field.name() + " is required.");
                }
                continue;
            }
            String value = text(field, raw);
            field.problemWith(value).ifPresent(problem -> {
                throw ApiException.badRequest("The field voiceserver." + problem);
            });
            (field.isSecret() ? secrets : plain).put(field.name(), value);
        }
        return new SubmittedFields(plain, secrets, kept, requiredSecrets);
    }

    /** Numbers are JSON numbers and texts JSON strings, as in the contract's examples. */
    private static String text(ConnectionField field, Object raw) {
        if (field.kind() == ConnectionField.Kind.INTEGER) {
            if (raw instanceof Number number && number.doubleValue() == number.longValue()) {
                return Long.toString(number.longValue());
            }
            throw ApiException.badRequest("The field voiceserver." + field.name() + " must be a whole number from "
                    + field.min() + " to " + field.max() + ".");
        }
        if (raw instanceof String text) {
            return text;
        }
        throw ApiException.badRequest("The field voiceserver." + field.name() + " must be text.");
    }
}
