package org.voicepanel.teamspeak.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A fake TeamSpeak 3 ServerQuery server for tests, speaking the raw query protocol on 127.0.0.1 byte for byte as
 * described in {@code docs/teamspeak.md} (sections 1, 2, 3 and 5). Drive it with the real ts3-api client or a
 * plain socket.
 *
 * <p>It holds an instance with virtual server 1 (online, "TeamSpeak ]I[ Server", 32 slots, a few channels) and one
 * query account, {@code serveradmin} / {@code secret}. Snapshots are real: v2/v3 data is zstd and Base64, legacy
 * data carries a SHA-1 hash, and a deploy restores name, slots and channels into the selected server.
 *
 * <p>Commands: {@code login} (both forms), {@code logout}, {@code use}, {@code whoami}, {@code version},
 * {@code quit}, {@code serverinfo}, {@code serveredit}, {@code serverstart}, {@code serverstop},
 * {@code serverlist}, {@code serveridgetbyport}, {@code channellist}, {@code serversnapshotcreate} and
 * {@code serversnapshotdeploy}; anything else is 256. Where TeamSpeak's behaviour is undocumented the choice is
 * stated on the handling class (e.g. every snapshot problem is 1538, {@code serverstart} on a running server 1025).
 *
 * <p>Knobs let a test inject delays, errors, dropped connections, flood limits and missing permissions; counters
 * and the line log show what reached the wire. Knobs apply to every connection, from the next command on.
 *
 * <p>Thread-safe. Each connection runs on its own daemon thread; {@link #close()} ends all of them.
 */
public final class ServerQuerySimulator implements AutoCloseable {

    private final ServerInstance instance = new ServerInstance();
    private final SimulatorKnobs knobs = new SimulatorKnobs();
    private final CommandLog log = new CommandLog();
    private final QueryListener listener;

    private ServerQuerySimulator(int port) {
        CommandTable commands = new CommandTable(knobs);
        new SessionCommands(instance).registerIn(commands);
        new ServerCommands(instance).registerIn(commands);
        new SnapshotCommands(instance).registerIn(commands);
        listener = new QueryListener(port,
                (socket, clientId) -> new QueryConnection(socket, commands, knobs, log, clientId));
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @param port the TCP port, or 0 for a free one (see {@link #port()})
     */
    public static ServerQuerySimulator start(int port) {
        return new ServerQuerySimulator(port);
    }

    public int port() {
        return listener.port();
    }

    /** Stops listening, drops all connections and waits for their threads to end. */
    @Override
    public void close() {
        listener.close();
    }

    /** Replaces the query account (default {@code serveradmin} / {@code secret}). */
    public ServerQuerySimulator withLogin(String user, String password) {
        instance.login(user, password);
        return this;
    }

    /** The virtual server with this id; 1 exists from the start, others are created (online) on first use. */
    public VirtualServer virtualServer(int sid) {
        return instance.virtualServer(sid);
    }

    /** The dialect {@code serversnapshotcreate} answers in (default {@link SnapshotFormat#V3}). */
    public void snapshotFormat(SnapshotFormat format) {
        instance.snapshotFormat(format);
    }

    /**
     * Waits this long before executing and answering {@code command}. Later commands on the same connection wait
     * too, as replies stay in order.
     */
    public void delay(String command, Duration delay) {
        knobs.delay(command, delay);
    }

    /** Answers {@code command} with {@code error id=<errorId> msg=<message>} instead of executing it. */
    public void failWith(String command, int errorId, String message) {
        knobs.failWith(command, QueryStatus.of(errorId, message));
    }

    /**
     * After reading {@code command}, executes it, sends at most half of the reply's first data line (nothing for a
     * reply without data) and closes the socket: the reply is lost although the work was done, the case that makes
     * reconnecting clients deploy twice.
     */
    public void dropConnectionOn(String command) {
        knobs.dropConnectionOn(command, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #dropConnectionOn(String)}, but only for the next {@code times} arrivals of {@code command}; later
     * ones are answered normally. Lets a reconnecting client's re-sent command get through, which shows up as a
     * second {@link #deployCount() deploy}.
     */
    public void dropConnectionOn(String command, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        knobs.dropConnectionOn(command, times);
    }

    /**
     * Allows each connection at most {@code commands} commands per {@code window}. Commands over the limit get
     * {@code error id=524 msg=client\sis\sflooding extra_msg=please\swait\sN\sseconds}; the connection stays open.
     */
    public void floodLimit(int commands, Duration window) {
        knobs.floodLimit(commands, window);
    }

    /**
     * Takes a permission from the query account. Only {@code b_virtualserver_snapshot_create} and
     * {@code b_virtualserver_snapshot_deploy} are checked; their commands then answer 2568 with
     * {@code failed_permid}.
     */
    public void revokePermission(String permission) {
        knobs.revokePermission(permission);
    }

    /** Every line received from clients over all connections, in arrival order, blank keep-alives included. */
    public List<String> receivedLines() {
        return log.lines();
    }

    /** How many {@code serversnapshotdeploy} commands arrived, whether they succeeded or not. */
    public int deployCount() {
        return commandCount("serversnapshotdeploy");
    }

    /** How many commands with this name arrived, whatever their outcome. */
    public int commandCount(String command) {
        return log.count(command.strip().toLowerCase(Locale.ROOT));
    }

    /** Clears knobs, the line log and the counters; virtual servers keep their state. */
    public void reset() {
        knobs.clear();
        log.clear();
    }
}
