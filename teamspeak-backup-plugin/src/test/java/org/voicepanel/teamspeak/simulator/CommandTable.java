package org.voicepanel.teamspeak.simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps command names to handlers and applies the checks every command shares, in TeamSpeak's order: unknown
 * command (256), not logged in (518), missing permission (2568). Filled once at start, then read-only and
 * thread-safe.
 */
final class CommandTable {

    /** Who may run a command. */
    enum Access { ANYONE, LOGGED_IN }

    /** Executes one command for one session; failures are thrown as {@link QueryFailure}. */
    @FunctionalInterface
    interface Handler {
        QueryReply handle(QueryCommand command, QuerySession session) throws QueryFailure;
    }

    private record Entry(Access access, String permission, Handler handler) {
    }

    /**
     * Numeric ids reported in {@code failed_permid}. TeamSpeak's numbering is not documented, so these are the
     * simulator's own; compare permission failures by error id 2568, not by these numbers.
     */
    private static final Map<String, Integer> PERMISSION_IDS = Map.of(
            "b_virtualserver_snapshot_create", 45,
            "b_virtualserver_snapshot_deploy", 46);

    private final Map<String, Entry> entries = new HashMap<>();
    private final SimulatorKnobs knobs;

    CommandTable(SimulatorKnobs knobs) {
        this.knobs = knobs;
    }

    void add(String name, Access access, Handler handler) {
        entries.put(name, new Entry(access, null, handler));
    }

    /** Adds a command that also needs a permission a test can revoke. */
    void add(String name, String permission, Handler handler) {
        if (!PERMISSION_IDS.containsKey(permission)) {
            throw new IllegalArgumentException("no id for permission " + permission);
        }
        entries.put(name, new Entry(Access.LOGGED_IN, permission, handler));
    }

    QueryReply execute(QueryCommand command, QuerySession session) {
        Entry entry = entries.get(command.name());
        if (entry == null) {
            return QueryReply.failed(QueryStatus.COMMAND_NOT_FOUND);
        }
        if (entry.access() == Access.LOGGED_IN && !session.isLoggedIn()) {
            return QueryReply.failed(QueryStatus.NOT_LOGGED_IN);
        }
        if (entry.permission() != null && knobs.isRevoked(entry.permission())) {
            return QueryReply.failed(QueryStatus.missingPermission(PERMISSION_IDS.get(entry.permission())));
        }
        try {
            return entry.handler().handle(command, session);
        } catch (QueryFailure failure) {
            return QueryReply.failed(failure.status());
        }
    }

    static int intParameter(QueryCommand command, String key) throws QueryFailure {
        String value = command.parameter(key);
        if (value == null) {
            throw QueryStatus.PARAMETER_NOT_FOUND.failure();
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw QueryStatus.CONVERT_ERROR.failure();
        }
    }
}
