package org.voicepanel.teamspeak.simulator;

import java.util.Optional;

/**
 * The state of one query connection: who is logged in and which virtual server {@code use} selected.
 * Confined to its connection's thread; not thread-safe.
 */
final class QuerySession {

    private final int clientId;
    private final FloodGuard floodGuard = new FloodGuard();
    private String loginName;
    private VirtualServer selected;

    QuerySession(int clientId) {
        this.clientId = clientId;
    }

    int clientId() {
        return clientId;
    }

    FloodGuard floodGuard() {
        return floodGuard;
    }

    boolean isLoggedIn() {
        return loginName != null;
    }

    Optional<String> loginName() {
        return Optional.ofNullable(loginName);
    }

    void logIn(String name) {
        loginName = name;
    }

    void logOut() {
        loginName = null;
    }

    Optional<VirtualServer> selectedServer() {
        return Optional.ofNullable(selected);
    }

    /** The selected server, or the 1024 failure TeamSpeak gives server commands sent before {@code use}. */
    VirtualServer requireSelectedServer() throws QueryFailure {
        if (selected == null) {
            throw QueryStatus.INVALID_SERVER_ID.failure();
        }
        return selected;
    }

    void select(VirtualServer server) {
        selected = server;
    }
}
