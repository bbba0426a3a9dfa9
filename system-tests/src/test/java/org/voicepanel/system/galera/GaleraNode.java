package org.voicepanel.system.galera;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One node of a {@link GaleraCluster}: a {@code mariadbd} process on its own files and ports. */
public final class GaleraNode {

    private static final Pattern RECOVERED = Pattern.compile("WSREP: Recovered position: (\\S+:-?\\d+)");

    private final int number;
    private final Path home;
    private final int port;
    private final int groupPort;
    private final int stateTransferPort;
    private final int incrementalTransferPort;
    private final String clusterAddress;
    private final UserPrincipal serverUser;
    private Process process;

    GaleraNode(int number, Path home, int port, int groupPort, int stateTransferPort, int incrementalTransferPort,
               String clusterAddress, UserPrincipal serverUser) {
        this.number = number;
        this.home = home;
        this.port = port;
        this.groupPort = groupPort;
        this.stateTransferPort = stateTransferPort;
        this.incrementalTransferPort = incrementalTransferPort;
        this.clusterAddress = clusterAddress;
        this.serverUser = serverUser;
    }

    public int number() {
        return number;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of a database on this node, as a panel is given it. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Connection connect(String database) throws SQLException {
        return GaleraCluster.connect(port, database);
    }

    /** Creates the first node's files and starts a new cluster on it. */
    void bootstrap() throws IOException, InterruptedException {
        Path data = dataDir();
        Files.createDirectories(data);
        ownedByServer(data);
        List<String> install = new ArrayList<>(List.of(GaleraCluster.INSTALL_DB.toString(), "--no-defaults",
                "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"));
        install.add("--user=" + (serverUser == null ? System.getProperty("user.name") : serverUser.getName()));
        run(install, home.resolve("install.log"));
        launch(List.of("--wsrep-new-cluster"));
    }

    /** Starts a node with no files: it joins and receives a full copy from a donor. */
    void join() throws IOException {
        Path data = dataDir();
        Files.createDirectories(data);
        ownedByServer(data);
        launch(List.of());
    }

    /** Kills the server at once (SIGKILL), as a crash or a pulled plug would. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Starts a killed node again: recovers the position its files reached, so that it rejoins by
     * an incremental transfer of what it missed rather than a full copy; returns once it is synced.
     */
    public void restart() throws IOException, InterruptedException {
        Path log = home.resolve("recover.log");
        Files.deleteIfExists(log);
        List<String> recover = new ArrayList<>(serverCommand());
        recover.add("--wsrep-recover");
        recover.add("--log-error=" + log);
        run(recover, home.resolve("recover.out"));
        Matcher position = RECOVERED.matcher(Files.readString(log));
        String start = null;
        while (position.find()) {
            start = position.group(1);
        }
        if (start == null) {
            throw new IllegalStateException("node " + number + " recovered no position:\n" + Files.readString(log));
        }
        launch(List.of("--wsrep_start_position=" + start));
        awaitSynced(Duration.ofMinutes(2));
    }

    /** Stops the server as an operator would (SIGTERM). */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until the node accepts connections and has caught up with the cluster. */
    void awaitSynced(Duration timeout) throws InterruptedException {
        awaitStatus("wsrep_local_state_comment", "Synced", timeout);
    }

    void awaitClusterSize(int size, Duration timeout) throws InterruptedException {
        awaitStatus("wsrep_cluster_size", String.valueOf(size), timeout);
    }

    private void awaitStatus(String variable, String expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!isRunning()) {
                throw new IllegalStateException("node " + number + " exited:\n" + errorLog());
            }
            try (Connection connection = connect("mysql"); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE '" + variable + "'")) {
                last = rs.next() ? rs.getString(2) : "unknown";
                if (expected.equals(last)) {
                    return;
                }
            } catch (SQLException e) {
                last = e.getMessage();
            }
            GaleraCluster.sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("node " + number + ": " + variable + " is " + last + ", not " + expected
                + ", after " + timeout + ":\n" + errorLog());
    }

    private void launch(List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(serverCommand());
        command.add("--log-error=" + home.resolve("error.log"));
        command.addAll(extra);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("mariadbd.out").toFile())).start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    }

    private List<String> serverCommand() {
        List<String> command = new ArrayList<>(List.of(GaleraCluster.MARIADBD.toString(), "--no-defaults",
                "--datadir=" + dataDir(), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + home.resolve("mariadbd.sock"), "--pid-file=" + home.resolve("mariadbd.pid"),
                "--skip-ssl", "--performance-schema=OFF",
                "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M", "--innodb-flush-log-at-trx-commit=2",
                // what Galera requires of every node
                "--binlog-format=ROW", "--default-storage-engine=InnoDB", "--innodb-autoinc-lock-mode=2",
                "--wsrep-on=ON", "--wsrep-provider=" + GaleraCluster.PROVIDER,
                "--wsrep-cluster-name=voice-panel-test", "--wsrep-cluster-address=" + clusterAddress,
                "--wsrep-node-name=node" + number, "--wsrep-node-address=127.0.0.1",
                "--wsrep-node-incoming-address=127.0.0.1:" + port,
                "--wsrep-provider-options=base_port=" + groupPort + ";gmcast.listen_addr=tcp://127.0.0.1:" + groupPort
                        + ";ist.recv_addr=127.0.0.1:"
                        + incrementalTransferPort + ";gcache.size=32M",
                "--wsrep-sst-method=rsync", "--wsrep-sst-receive-address=127.0.0.1:" + stateTransferPort));
        command.add("--user=" + (serverUser == null ? System.getProperty("user.name") : serverUser.getName()));
        return command;
    }

    private Path dataDir() {
        return home.resolve("data");
    }

    private void ownedByServer(Path path) throws IOException {
        if (serverUser != null) {
            Files.setOwner(home, serverUser);
            Files.setOwner(path, serverUser);
        }
    }

    private void run(List<String> command, Path output) throws IOException, InterruptedException {
        Process run = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        if (!run.waitFor(2, TimeUnit.MINUTES)) {
            run.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        if (run.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(output));
        }
    }

    /** Whether the node, since its files were made, caught up by an incremental transfer (not a full copy). */
    public boolean receivedIncrementalTransfer() throws IOException {
        return Files.readString(home.resolve("error.log")).contains("IST received");
    }

    /** The end of the server's error log, for a failure message. */
    String errorLog() {
        try (Stream<String> lines = Files.lines(home.resolve("error.log"))) {
            List<String> all = lines.filter(line -> !line.contains("[Note]")).toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException e) {
            return "(no error log: " + e + ")";
        }
    }
}
