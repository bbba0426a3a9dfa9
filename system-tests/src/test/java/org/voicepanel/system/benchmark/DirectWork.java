package org.voicepanel.system.benchmark;

import com.github.theholywaffle.teamspeak3.TS3Api;
import com.github.theholywaffle.teamspeak3.TS3Config;
import com.github.theholywaffle.teamspeak3.TS3Query;
import com.github.theholywaffle.teamspeak3.TS3Query.FloodRate;
import com.github.theholywaffle.teamspeak3.api.VirtualServerProperty;
import com.github.theholywaffle.teamspeak3.api.reconnect.ReconnectStrategy;
import com.github.theholywaffle.teamspeak3.api.wrapper.VirtualServerInfo;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The work the panel wraps, done directly: ts3-api against the voice server, plain JDBC against the panel's
 * MariaDB. These are the baselines; nothing here seals, validates, locks or speaks HTTP.
 */
final class DirectWork {

    /** Each sealed chunk row is at most this big in the panel too. */
    static final int CHUNK = 1024 * 1024;

    private final int queryPort;

    DirectWork(int queryPort) {
        this.queryPort = queryPort;
    }

    /** connect, login, use, serversnapshotcreate, quit: the snapshot text as ts3-api returns it. */
    String createSnapshot(int virtualServerId, FloodRate floodRate) {
        TS3Query query = new TS3Query(config(floodRate));
        query.connect();
        try {
            TS3Api api = query.getApi();
            api.login("serveradmin", "secret");
            api.selectVirtualServerById(virtualServerId);
            return api.createServerSnapshot().get();
        } finally {
            query.exit();
        }
    }

    /**
     * What a restore does, directly: connect, login, use, serversnapshotdeploy (with the options the panel sends),
     * serveredit of the slots, serverinfo, serverstop, serverstart, use, serverinfo (online with those slots?), quit.
     */
    void restoreSnapshot(int virtualServerId, String snapshot, int slots) {
        TS3Query query = new TS3Query(config(FloodRate.UNLIMITED));
        query.connect();
        try {
            TS3Api api = query.getApi();
            api.login("serveradmin", "secret");
            api.selectVirtualServerById(virtualServerId);
            api.deployServerSnapshot("-keepfiles -mapping " + snapshot);
            api.editServer(Map.of(VirtualServerProperty.VIRTUALSERVER_MAXCLIENTS, Integer.toString(slots)));
            if ("online".equals(api.getServerInfo().get("virtualserver_status"))) {
                api.stopServer(virtualServerId);
            }
            api.startServer(virtualServerId);
            api.selectVirtualServerById(virtualServerId);
            VirtualServerInfo info = api.getServerInfo();
            if (!"online".equals(info.get("virtualserver_status")) || info.getInt("virtualserver_maxclients") != slots) {
                throw new IllegalStateException("the restored server is not online with " + slots + " slots");
            }
        } finally {
            query.exit();
        }
    }

    /**
     * Creates {@code bench_snapshot} and {@code bench_snapshot_chunk} with exactly the shape of the plugin's tables,
     * in the panel's database.
     */
    static void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_snapshot LIKE ts3_snapshot");
            statement.execute("CREATE TABLE IF NOT EXISTS bench_snapshot_chunk LIKE ts3_snapshot_chunk");
        }
    }

    /** A row and its bytes in chunks of at most 1 MiB, in one transaction: the database work of a stored snapshot. */
    static void insert(Connection connection, byte[] bytes) throws SQLException {
        connection.setAutoCommit(false);
        try {
            long id;
            try (PreparedStatement row = connection.prepareStatement("INSERT INTO bench_snapshot (service_id,"
                    + " created_at, size, sha256, origin, created_by, format, chunk_count)"
                    + " VALUES (1, ?, ?, '', 'created', 'baseline', 'v3', ?)", Statement.RETURN_GENERATED_KEYS)) {
                row.setObject(1, LocalDateTime.now());
                row.setLong(2, bytes.length);
                row.setInt(3, (bytes.length + CHUNK - 1) / CHUNK);
                row.executeUpdate();
                try (ResultSet keys = row.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement chunk = connection.prepareStatement(
                    "INSERT INTO bench_snapshot_chunk (snapshot_id, seq, data) VALUES (?, ?, ?)")) {
                for (int seq = 0, offset = 0; offset < bytes.length; seq++, offset += CHUNK) {
                    chunk.setLong(1, id);
                    chunk.setInt(2, seq);
                    chunk.setBytes(3, java.util.Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + CHUNK)));
                    chunk.executeUpdate();
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Reads the stored chunks of one panel snapshot, in order; returns how many bytes they hold. */
    static long readChunks(Connection connection, long snapshotId, byte[] buffer) throws Exception {
        long total = 0;
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT data FROM ts3_snapshot_chunk WHERE snapshot_id = ? ORDER BY seq")) {
            read.setLong(1, snapshotId);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    try (InputStream data = rows.getBinaryStream(1)) {
                        for (int n; (n = data.read(buffer)) > 0; ) {
                            total += n;
                        }
                    }
                }
            }
        }
        return total;
    }

    /** What a list needs from the database: every row of the service, newest first, as values. */
    static List<Object[]> listRows(Connection connection, long serviceId) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement list = connection.prepareStatement("SELECT id, service_id, created_at, size, sha256,"
                + " origin, created_by, format, chunk_count FROM ts3_snapshot WHERE service_id = ?"
                + " ORDER BY created_at DESC, id DESC")) {
            list.setLong(1, serviceId);
            try (ResultSet rs = list.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDateTime.class),
                            rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getInt(9)});
                }
            }
        }
        return rows;
    }

    private TS3Config config(FloodRate floodRate) {
        return new TS3Config()
                .setHost("127.0.0.1")
                .setQueryPort(queryPort)
                .setFloodRate(floodRate)
                .setCommandTimeout(300_000)
                .setReconnectStrategy(ReconnectStrategy.disconnect())
                .setEnableCommunicationsLogging(false);
    }
}
