package org.voicepanel.teamspeak.simulator;

import com.github.theholywaffle.teamspeak3.TS3Api;
import com.github.theholywaffle.teamspeak3.TS3Config;
import com.github.theholywaffle.teamspeak3.TS3Query;

/**
 * The real ts3-api 1.2.0 client connected to a simulator, for tests. Uses {@code FloodRate.UNLIMITED}, so commands
 * are pipelined, and the default disconnect strategy. {@link #close()} is {@code exit()}, tolerating a client that
 * already failed.
 */
final class Ts3Session implements AutoCloseable {

    private final TS3Query query;

    private Ts3Session(TS3Query query) {
        this.query = query;
    }

    static Ts3Session connect(ServerQuerySimulator simulator, int commandTimeoutMillis) {
        TS3Config config = new TS3Config()
                .setHost("127.0.0.1")
                .setQueryPort(simulator.port())
                .setCommandTimeout(commandTimeoutMillis)
                .setFloodRate(TS3Query.FloodRate.UNLIMITED);
        TS3Query query = new TS3Query(config);
        query.connect();
        return new Ts3Session(query);
    }

    /** Connects, logs in as serveradmin and selects virtual server 1. */
    static Ts3Session onServer1(ServerQuerySimulator simulator) {
        Ts3Session session = connect(simulator, 10_000);
        session.api().login("serveradmin", "secret");
        session.api().selectVirtualServerById(1);
        return session;
    }

    TS3Api api() {
        return query.getApi();
    }

    TS3Query query() {
        return query;
    }

    @Override
    public void close() {
        try {
            query.exit();
        } catch (RuntimeException e) {
            // exit() after a lost connection may throw in 1.2.0; the threads are gone either way
        }
    }
}
