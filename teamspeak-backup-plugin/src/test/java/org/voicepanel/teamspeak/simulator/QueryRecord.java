package org.voicepanel.teamspeak.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One record of a ServerQuery line: space-separated {@code key=value} pairs, where a key may stand alone
 * ({@code end_virtualserver}, {@code -mapping}).
 *
 * <p>Commands, replies and the inside of snapshots all use this shape, so they share this one parser and writer.
 * Values are held decoded; escaping happens only in {@link #parseAll} and {@link #toWire}. Not thread-safe while
 * being built; treat a parsed record as read-only.
 */
final class QueryRecord {

    private final Map<String, String> pairs = new LinkedHashMap<>();

    /** Splits escaped text into records at {@code |} and pairs at runs of spaces. */
    static List<QueryRecord> parseAll(String text) {
        List<QueryRecord> records = new ArrayList<>();
        int start = 0;
        while (true) {
            int bar = text.indexOf('|', start);
            String part = bar < 0 ? text.substring(start) : text.substring(start, bar);
            records.add(parse(part));
            if (bar < 0) {
                return records;
            }
            start = bar + 1;
        }
    }

    static QueryRecord parse(String text) {
        QueryRecord record = new QueryRecord();
        int i = 0;
        int length = text.length();
        while (i < length) {
            while (i < length && text.charAt(i) == ' ') {
                i++;
            }
            int end = text.indexOf(' ', i);
            if (end < 0) {
                end = length;
            }
            if (end > i) {
                record.addToken(text.substring(i, end));
            }
            i = end;
        }
        return record;
    }

    static String formatAll(List<QueryRecord> records) {
        StringBuilder line = new StringBuilder();
        for (QueryRecord record : records) {
            if (line.length() > 0) {
                line.append('|');
            }
            record.appendWire(line);
        }
        return line.toString();
    }

    private void addToken(String token) {
        int equals = token.indexOf('=');
        if (equals < 0) {
            pairs.put(QueryEscaping.unescape(token), null);
        } else {
            pairs.put(QueryEscaping.unescape(token.substring(0, equals)),
                    QueryEscaping.unescape(token.substring(equals + 1)));
        }
    }

    /** Adds a pair; an empty or null value is written as a bare key, as TeamSpeak does. */
    QueryRecord put(String key, Object value) {
        pairs.put(key, value == null ? null : value.toString());
        return this;
    }

    QueryRecord putAll(Map<String, String> values) {
        values.forEach(this::put);
        return this;
    }

    /** A bare key such as {@code end_channels}. */
    QueryRecord mark(String key) {
        pairs.put(key, null);
        return this;
    }

    boolean has(String key) {
        return pairs.containsKey(key);
    }

    /** The decoded value, {@code ""} for a bare key, {@code null} when the key is absent. */
    String get(String key) {
        if (!pairs.containsKey(key)) {
            return null;
        }
        String value = pairs.get(key);
        return value == null ? "" : value;
    }

    Set<String> keys() {
        return Collections.unmodifiableSet(pairs.keySet());
    }

    String toWire() {
        StringBuilder out = new StringBuilder();
        appendWire(out);
        return out.toString();
    }

    private void appendWire(StringBuilder out) {
        boolean first = true;
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            out.append(QueryEscaping.escape(pair.getKey()));
            if (pair.getValue() != null && !pair.getValue().isEmpty()) {
                out.append('=').append(QueryEscaping.escape(pair.getValue()));
            }
        }
    }

    @Override
    public String toString() {
        return toWire();
    }
}
