package org.voicepanel.teamspeak.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The legacy format of servers up to 3.9: {@code hash=<base64 sha1>|<record>|<record>...}. Checks that
 * every record is a list of {@code key[=value]} pairs with escaped values, that the sections are laid out
 * as a snapshot's are, and that the hash is the Base64 SHA-1 of the text after the first {@code |}, as
 * TeamSpeak and TeaSpeak compute it (docs/teamspeak.md 2.2). Stateless.
 */
final class LegacySnapshotCheck {

    private static final int LONGEST_KEY = 64;
    private static final int LONGEST_HASH = 64;
    private static final String ESCAPABLE = "\\/spabfnrtv";

    private LegacySnapshotCheck() {
    }

    static void check(WireReader reader) {
        reader.skip("hash=");
        String expectedHash = readHash(reader);
        reader.digestFromHere(sha1());
        SectionMarkers markers = new SectionMarkers();
        StringBuilder key = new StringBuilder();
        while (true) {
            int c = readKey(reader, key);
            if (c == '=') {
                c = skipValue(reader);
            } else {
                markers.see(key);
            }
            if (c == WireReader.END) {
                break;
            }
            if (c != ' ' && c != '|') {
                throw new SnapshotRejectedException("it contains a field name with a character TeamSpeak does not use");
            }
        }
        markers.requireComplete();
        String actualHash = Base64.getEncoder().encodeToString(reader.finishDigest());
        if (!actualHash.equals(expectedHash)) {
            throw new SnapshotRejectedException("its hash does not match its content, so it was altered");
        }
    }

    /** The hash field's value, unescaped; it must be the only field of the first record. */
    private static String readHash(WireReader reader) {
        StringBuilder hash = new StringBuilder();
        while (true) {
            int c = reader.next();
            if (c == '|') {
                break;
            }
            if (c == WireReader.END) {
                throw new SnapshotRejectedException("it has no records after its hash");
            }
            if (c == ' ') {
                throw new SnapshotRejectedException("its first record holds more than the hash");
            }
            if (c == '\\') {
                if (reader.next() != '/') {
                    throw new SnapshotRejectedException("its hash is not Base64");
                }
                c = '/';
            }
            if (hash.length() == LONGEST_HASH) {
                throw new SnapshotRejectedException("its hash is too long to be a SHA-1");
            }
            hash.append((char) c);
        }
        String text = hash.toString();
        try {
            if (Base64.getDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)).length != 20) {
                throw new SnapshotRejectedException("its hash is not a SHA-1");
            }
        } catch (IllegalArgumentException e) {
            throw new SnapshotRejectedException("its hash is not Base64");
        }
        return text;
    }

    /** Reads a field name into {@code key} and returns the character after it. */
    private static int readKey(WireReader reader, StringBuilder key) {
        key.setLength(0);
        int c = reader.next();
        while ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
            if (key.length() == LONGEST_KEY) {
                throw new SnapshotRejectedException("it contains a field name longer than TeamSpeak uses");
            }
            key.append((char) c);
            c = reader.next();
        }
        if (key.length() == 0) {
            throw new SnapshotRejectedException(switch (c) {
                case WireReader.END -> "it ends with an empty record";
                case '|' -> "it contains an empty record";
                case ' ' -> "it contains an empty field";
                case '-' -> "it contains a command option";
                default -> "it contains a field name with a character TeamSpeak does not use";
            });
        }
        return c;
    }

    /** Skips an escaped value and returns what ended it: a space, a {@code |} or the end. */
    private static int skipValue(WireReader reader) {
        while (true) {
            int c = reader.next();
            if (c == WireReader.END || c == ' ' || c == '|') {
                return c;
            }
            if (c == '\\') {
                int escaped = reader.next();
                if (escaped == WireReader.END || ESCAPABLE.indexOf(escaped) < 0) {
                    throw new SnapshotRejectedException("it contains an escape sequence TeamSpeak does not use");
                }
            }
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
