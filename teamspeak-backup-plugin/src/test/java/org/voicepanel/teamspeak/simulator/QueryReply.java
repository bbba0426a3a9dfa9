package org.voicepanel.teamspeak.simulator;

import java.util.List;

/**
 * What the server sends for one command: zero or more data lines, then the status line. {@code closesConnection}
 * is set by {@code quit}, which must still send its status line before the socket closes. Immutable.
 */
record QueryReply(List<String> dataLines, QueryStatus status, boolean closesConnection) {

    static QueryReply ok() {
        return new QueryReply(List.of(), QueryStatus.OK, false);
    }

    /** A list reply; TeamSpeak answers an empty list with 1281, which clients treat as success. */
    static QueryReply data(List<QueryRecord> records) {
        if (records.isEmpty()) {
            return failed(QueryStatus.EMPTY_RESULT_SET);
        }
        return new QueryReply(List.of(QueryRecord.formatAll(records)), QueryStatus.OK, false);
    }

    static QueryReply data(QueryRecord record) {
        return data(List.of(record));
    }

    static QueryReply line(String dataLine) {
        return new QueryReply(List.of(dataLine), QueryStatus.OK, false);
    }

    static QueryReply failed(QueryStatus status) {
        return new QueryReply(List.of(), status, false);
    }

    static QueryReply okThenClose() {
        return new QueryReply(List.of(), QueryStatus.OK, true);
    }
}
