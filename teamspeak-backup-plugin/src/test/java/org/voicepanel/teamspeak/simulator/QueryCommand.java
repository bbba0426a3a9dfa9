package org.voicepanel.teamspeak.simulator;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One command line as a client sent it: {@code name [key=value ...] [-option ...]}, options in any position.
 *
 * <p>The raw argument text is kept next to the parsed records because snapshot deploys need the exact escaped bytes
 * (a legacy hash covers them, and version 2 data is a bare token that contains {@code =}). Immutable.
 */
final class QueryCommand {

    private final String name;
    private final String arguments;
    private final List<QueryRecord> records;

    private QueryCommand(String name, String arguments) {
        this.name = name;
        this.arguments = arguments;
        this.records = QueryRecord.parseAll(arguments);
    }

    /** Parses one line without its terminator; tolerates leading, repeated and trailing spaces. */
    static QueryCommand parse(String line) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return new QueryCommand(trimmed.toLowerCase(Locale.ROOT), "");
        }
        return new QueryCommand(trimmed.substring(0, space).toLowerCase(Locale.ROOT),
                trimmed.substring(space + 1).strip());
    }

    static boolean isBlank(String line) {
        return line.isBlank();
    }

    String name() {
        return name;
    }

    /** The escaped text after the command name, exactly as received apart from the outer spaces. */
    String arguments() {
        return arguments;
    }

    List<QueryRecord> records() {
        return records;
    }

    QueryRecord firstRecord() {
        return records.get(0);
    }

    /** A decoded parameter of the first record, or {@code null}. */
    String parameter(String key) {
        return firstRecord().get(key);
    }

    /**
     * The unescaped tokens of the first record, options left out, each taken whole: the bare form
     * {@code login user pass} must keep a password that contains {@code =}.
     */
    List<String> words() {
        int bar = arguments.indexOf('|');
        String first = bar < 0 ? arguments : arguments.substring(0, bar);
        return Arrays.stream(first.split(" "))
                .filter(token -> !token.isEmpty() && !token.startsWith("-"))
                .map(QueryEscaping::unescape)
                .toList();
    }

    boolean hasOption(String option) {
        String key = "-" + option;
        return records.stream().anyMatch(record -> record.has(key));
    }

    Set<String> options() {
        Set<String> options = new LinkedHashSet<>();
        for (QueryRecord record : records) {
            record.keys().stream().filter(key -> key.startsWith("-")).forEach(key -> options.add(key.substring(1)));
        }
        return options;
    }

    @Override
    public String toString() {
        return arguments.isEmpty() ? name : name + " " + arguments;
    }
}
