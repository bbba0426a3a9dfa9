package org.voicepanel.teamspeak.simulator;

/**
 * The status line that ends every reply: {@code error id=<n> msg=<text>} with optional {@code extra_msg} and
 * {@code failed_permid}. Ids and messages are TeamSpeak's (docs/teamspeak.md 1.4). Immutable.
 */
record QueryStatus(int id, String message, String extraMessage, Integer failedPermissionId) {

    static final QueryStatus OK = of(0, "ok");
    static final QueryStatus COMMAND_NOT_FOUND = of(256, "command not found");
    static final QueryStatus NOT_LOGGED_IN = of(518, "not logged in");
    static final QueryStatus INVALID_LOGIN = of(520, "invalid loginname or password");
    static final QueryStatus EMPTY_RESULT_SET = of(1281, "database empty result set");
    static final QueryStatus INVALID_SERVER_ID = of(1024, "invalid serverID");
    static final QueryStatus SERVER_RUNNING = of(1025, "server is running");
    static final QueryStatus SERVER_NOT_RUNNING = of(1033, "server is not running");
    static final QueryStatus INVALID_PARAMETER = of(1538, "invalid parameter");
    static final QueryStatus PARAMETER_NOT_FOUND = of(1539, "parameter not found");
    static final QueryStatus CONVERT_ERROR = of(1540, "convert error");

    static QueryStatus of(int id, String message) {
        return new QueryStatus(id, message, null, null);
    }

    static QueryStatus flooding(long secondsToWait) {
        return new QueryStatus(524, "client is flooding", "please wait " + secondsToWait + " seconds", null);
    }

    static QueryStatus missingPermission(int permissionId) {
        return new QueryStatus(2568, "insufficient client permissions", null, permissionId);
    }

    QueryStatus withExtra(String extra) {
        return new QueryStatus(id, message, extra, failedPermissionId);
    }

    QueryFailure failure() {
        return new QueryFailure(this);
    }

    String toLine() {
        QueryRecord line = new QueryRecord().mark("error").put("id", id).put("msg", message);
        if (extraMessage != null) {
            line.put("extra_msg", extraMessage);
        }
        if (failedPermissionId != null) {
            line.put("failed_permid", failedPermissionId);
        }
        return line.toWire();
    }
}
