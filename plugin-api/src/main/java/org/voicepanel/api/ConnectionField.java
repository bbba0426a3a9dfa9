package org.voicepanel.api;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One connection field a voice-server type needs, such as a port, a login name or a secret. A
 * provider declares its fields ({@link VoiceBackupProvider#connectionFields(String)}); the host
 * reads them from the {@code voiceserver} object of {@code POST /admin/services} under
 * {@link #name()}, validates them as declared, stores them (secret ones encrypted, and never
 * shown again) and hands them to every call in {@link VoiceService}.
 *
 * <p>Values are text on the wire to the provider; {@link Kind#INTEGER} fields are JSON numbers on
 * the HTTP API. No value may contain a control character, whatever the declaration. Instances are
 * immutable and built with the factories and the {@code with...} methods; new properties may be
 * added in later versions without breaking a compiled plugin.
 *
 * @since 2.0
 */
public final class ConnectionField {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int LONGEST_TEXT = 1024;

    /** How a field is read, checked and stored. */
    public enum Kind {
        /** Text, shown to admins. */
        TEXT,
        /** Text stored encrypted, never shown or logged; an edit that leaves it out keeps the stored value. */
        SECRET,
        /** A whole number within {@link #min()} and {@link #max()}. */
        INTEGER
    }

    private final String name;
    private final Kind kind;
    private final boolean required;
    private final boolean adminOnly;
    private final int maxLength;
    private final long min;
    private final long max;
    private final Pattern pattern;
    private final String patternMeaning;

    private ConnectionField(String name, Kind kind, boolean required, boolean adminOnly, int maxLength, long min,
                            long max, Pattern pattern, String patternMeaning) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("A connection field name is lower-case snake case: " + name);
        }
        if (maxLength < 1 || maxLength > LONGEST_TEXT || min > max) {
            throw new IllegalArgumentException("The bounds of connection field " + name + " are empty");
        }
        this.name = name;
        this.kind = kind;
        this.required = required;
        this.adminOnly = adminOnly;
        this.maxLength = maxLength;
        this.min = min;
        this.max = max;
        this.pattern = pattern;
        this.patternMeaning = patternMeaning;
    }

    /** Required text of at most 255 characters. */
    public static ConnectionField text(String name) {
        return new ConnectionField(name, Kind.TEXT, true, false, 255, 0, 0, null, null);
    }

    /** A required secret of at most 255 characters. */
    public static ConnectionField secret(String name) {
        return new ConnectionField(name, Kind.SECRET, true, false, 255, 0, 0, null, null);
    }

    /** A required whole number from {@code min} to {@code max}. */
    public static ConnectionField integer(String name, long min, long max) {
        return new ConnectionField(name, Kind.INTEGER, true, false, 20, min, max, null, null);
    }

    /** A required TCP or UDP port: 1 to 65535. */
    public static ConnectionField port(String name) {
        return integer(name, 1, 65535);
    }

    /** The same field, which may be left out. */
    public ConnectionField optional() {
        return new ConnectionField(name, kind, false, adminOnly, maxLength, min, max, pattern, patternMeaning);
    }

    /** The same field, shown to admins only, not to the service's owner (a login name, say). */
    public ConnectionField adminOnly() {
        return new ConnectionField(name, kind, required, true, maxLength, min, max, pattern, patternMeaning);
    }

    /** The same text or secret field with another length limit (at most 1024). */
    public ConnectionField withMaxLength(int characters) {
        return new ConnectionField(name, kind, required, adminOnly, characters, min, max, pattern, patternMeaning);
    }

    /**
     * The same text or secret field, whose whole value must match {@code regex}.
     *
     * @param meaning what a matching value is, for the error message: {@code "a host name"}
     */
    public ConnectionField withPattern(String regex, String meaning) {
        return new ConnectionField(name, kind, required, adminOnly, maxLength, min, max, Pattern.compile(regex),
                Objects.requireNonNull(meaning, "meaning"));
    }

    /** The key in the {@code voiceserver} JSON object and in {@link VoiceService#field(String)}. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isSecret() {
        return kind == Kind.SECRET;
    }

    public boolean isRequired() {
        return required;
    }

    /** Shown to admins only; secret fields are shown to nobody. */
    public boolean isAdminOnly() {
        return adminOnly;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The smallest value of an {@link Kind#INTEGER} field. */
    public long min() {
        return min;
    }

    /** The largest value of an {@link Kind#INTEGER} field. */
    public long max() {
        return max;
    }

    /**
     * Why {@code value} does not fit this field, as a sentence naming the field; empty when it fits.
     * The host calls it for every submitted value.
     */
    public Optional<String> problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(name + " is required.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(name + " must not contain control characters.");
        }
        if (kind == Kind.INTEGER) {
            return integerProblem(value);
        }
        if (value.length() > maxLength) {
            return Optional.of(name + " must be at most " + maxLength + " characters.");
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            return Optional.of(name + " must be " + patternMeaning + ".");
        }
        return Optional.empty();
    }

    private Optional<String> integerProblem(String value) {
        String range = name + " must be a whole number from " + min + " to " + max + ".";
        try {
            long number = Long.parseLong(value);
            return number < min || number > max ? Optional.of(range) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(range);
        }
    }

    @Override
    public String toString() {
        return "ConnectionField[" + name + ", " + kind + (required ? "" : ", optional") + "]";
    }
}
