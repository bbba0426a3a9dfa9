package org.voicepanel.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A panel service's voice server, handed to a provider with each call: what every type has (the
 * service id, the type, the host and the slots the customer pays for) and the connection fields
 * its provider declared ({@link ConnectionField}), already validated by the host. Secret fields
 * arrive decrypted for this call only; {@link #toString()} leaves them out. Immutable; built with
 * {@link #builder(long, String)}.
 *
 * @since 1.0 (a record until 2.0)
 */
public final class VoiceService {

    private final long serviceId;
    private final String type;
    private final String host;
    private final int slots;
    private final Map<String, String> fields;
    private final Set<String> secrets;

    private VoiceService(Builder builder) {
        this.serviceId = builder.serviceId;
        this.type = builder.type;
        this.host = Objects.requireNonNull(builder.host, "host");
        this.slots = builder.slots;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.fields));
        this.secrets = Collections.unmodifiableSet(new TreeSet<>(builder.secrets));
    }

    public static Builder builder(long serviceId, String type) {
        return new Builder(serviceId, type);
    }

    /**
     * A builder holding everything of this service under another (or the same) service id, to change
     * a part; tests use it for a second service on the same voice server.
     */
    public Builder toBuilder(long newServiceId) {
        Builder builder = new Builder(newServiceId, type).host(host).slots(slots);
        fields.forEach((name, value) -> {
            if (secrets.contains(name)) {
                builder.secret(name, value);
            } else {
                builder.field(name, value);
            }
        });
        return builder;
    }

    /** The panel's id of the service. */
    public long serviceId() {
        return serviceId;
    }

    /** The voice-server type, such as {@code "teamspeak3"}. */
    public String type() {
        return type;
    }

    /** Host name or address of the voice server (of its query or admin interface). */
    public String host() {
        return host;
    }

    /** The slot count the customer pays for; a restore re-applies it. */
    public int slots() {
        return slots;
    }

    /** A connection field's value; empty for an optional field the admin left out. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** A required text or secret field. */
    public String text(String name) {
        return field(name).orElseThrow(() -> new IllegalStateException("The service has no connection field " + name));
    }

    /** A required {@link ConnectionField.Kind#INTEGER} field that fits an {@code int}. */
    public int integer(String name) {
        return Integer.parseInt(text(name));
    }

    /** The names of the fields this service carries. */
    public Set<String> fieldNames() {
        return fields.keySet();
    }

    /** Leaves secret fields out, so that logging a service never leaks them. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("VoiceService[serviceId=").append(serviceId).append(", type=")
                .append(type).append(", host=").append(host).append(", slots=").append(slots);
        fields.forEach((name, value) -> text.append(", ").append(name).append('=')
                .append(secrets.contains(name) ? "(secret)" : value));
        return text.append(']').toString();
    }

    /** Builds a {@link VoiceService}; not thread-safe. */
    public static final class Builder {

        private final long serviceId;
        private final String type;
        private String host;
        private int slots;
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Set<String> secrets = new TreeSet<>();

        private Builder(long serviceId, String type) {
            this.serviceId = serviceId;
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder slots(int slots) {
            this.slots = slots;
            return this;
        }

        /** A plain connection field. */
        public Builder field(String name, String value) {
            fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            secrets.remove(name);
            return this;
        }

        /** A number connection field, kept as its decimal text. */
        public Builder field(String name, long value) {
            return field(name, Long.toString(value));
        }

        /** A secret connection field, left out of {@link VoiceService#toString()}. */
        public Builder secret(String name, String value) {
            fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            secrets.add(name);
            return this;
        }

        public VoiceService build() {
            return new VoiceService(this);
        }
    }
}
