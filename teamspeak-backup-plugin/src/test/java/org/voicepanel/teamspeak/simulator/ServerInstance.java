package org.voicepanel.teamspeak.simulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The simulated TeamSpeak instance behind the query port: its virtual servers, the one query login and the snapshot
 * dialect it speaks. Shared by all connections; thread-safe.
 */
final class ServerInstance {

    static final int FIRST_VOICE_PORT = 9987;

    private final ConcurrentSkipListMap<Integer, VirtualServer> servers = new ConcurrentSkipListMap<>();
    private volatile String loginName = "serveradmin";
    private volatile String loginPassword = "secret";
    private volatile SnapshotFormat snapshotFormat = SnapshotFormat.V3;

    ServerInstance() {
        virtualServer(1);
    }

    /** The server with this id, created (online, with default settings) if it does not exist yet. */
    VirtualServer virtualServer(int sid) {
        if (sid < 1) {
            throw new IllegalArgumentException("virtual server ids start at 1: " + sid);
        }
        return servers.computeIfAbsent(sid, id -> new VirtualServer(id, FIRST_VOICE_PORT + id - 1));
    }

    /** Creates a server with the next free id, as an instance-level deploy does. */
    synchronized VirtualServer createVirtualServer() {
        int sid = servers.isEmpty() ? 1 : servers.lastKey() + 1;
        return virtualServer(sid);
    }

    Optional<VirtualServer> findById(int sid) {
        return Optional.ofNullable(servers.get(sid));
    }

    Optional<VirtualServer> findByPort(int port) {
        return servers.values().stream().filter(server -> server.port() == port).findFirst();
    }

    List<VirtualServer> virtualServers() {
        return List.copyOf(servers.values());
    }

    void login(String name, String password) {
        this.loginName = name;
        this.loginPassword = password;
    }

    boolean acceptsLogin(String name, String password) {
        return loginName.equals(name) && loginPassword.equals(password);
    }

    SnapshotFormat snapshotFormat() {
        return snapshotFormat;
    }

    void snapshotFormat(SnapshotFormat format) {
        this.snapshotFormat = format;
    }
}
