package org.voicepanel.system.galera;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A MariaDB Galera cluster of the test's own, from the machine's Debian packages ({@code mariadb-server}
 * 10.11, {@code galera-4}, {@code rsync} for state transfers): every node a {@code mariadbd} process with
 * its files under the module's build folder and free ports of its own (SQL, group communication,
 * state and incremental state transfer), so it never touches a MariaDB of the machine. The first
 * node bootstraps the cluster; the others join it by a full state transfer. A node can be killed
 * and started again, which recovers its position and rejoins by an incremental transfer.
 */
public final class GaleraCluster implements AutoCloseable {

    static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final List<GaleraNode> nodes;

    private GaleraCluster(List<GaleraNode> nodes) {
        this.nodes = nodes;
    }

    /** Whether this machine has what the cluster needs. */
    public static List<String> missingPackages() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(MARIADBD) || !Files.isExecutable(INSTALL_DB)) {
            missing.add("mariadb-server");
        }
        if (!Files.exists(PROVIDER)) {
            missing.add("galera-4");
        }
        if (Stream.of("/usr/bin/rsync", "/bin/rsync").noneMatch(path -> Files.isExecutable(Path.of(path)))) {
            missing.add("rsync");
        }
        return missing;
    }

    /** Starts {@code size} nodes under a new folder of the build dir; returns when all are synced. */
    public static GaleraCluster start(Path buildDir, int size) throws IOException, InterruptedException {
        List<String> missing = missingPackages();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The Galera tests need the Debian packages " + missing
                    + " (apt-get install " + String.join(" ", missing) + ")");
        }
        Path home = Files.createDirectories(buildDir.resolve("galera").resolve("cluster-" + System.nanoTime()));
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(freePorts(4));
        }
        String address = "gcomm://" + String.join(",", ports.stream().map(p -> "127.0.0.1:" + p[1]).toList());
        UserPrincipal serverUser = serverUser();
        List<GaleraNode> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int[] p = ports.get(i);
            nodes.add(new GaleraNode(i + 1, Files.createDirectories(home.resolve("node" + (i + 1))), p[0], p[1], p[2],
                    p[3], address, serverUser));
        }
        GaleraCluster cluster = new GaleraCluster(List.copyOf(nodes));
        try {
            nodes.get(0).bootstrap();
            nodes.get(0).awaitSynced(START_TIMEOUT);
            // joiners one after the other: each takes a full copy from a donor, which then serves only it
            for (GaleraNode joiner : nodes.subList(1, size)) {
                joiner.join();
                joiner.awaitSynced(START_TIMEOUT);
            }
            cluster.awaitSize(size, START_TIMEOUT);
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public GaleraNode node(int number) {
        return nodes.get(number - 1);
    }

    public List<GaleraNode> nodes() {
        return nodes;
    }

    /** Waits until the cluster, seen from every running node, has {@code size} members. */
    public void awaitSize(int size, Duration timeout) throws InterruptedException {
        for (GaleraNode node : nodes) {
            if (node.isRunning()) {
                node.awaitClusterSize(size, timeout);
            }
        }
    }

    /** A root connection to {@code database} on the first running node. */
    public Connection connect(String database) throws SQLException {
        for (GaleraNode node : nodes) {
            if (node.isRunning()) {
                return node.connect(database);
            }
        }
        throw new SQLException("no node of the cluster runs");
    }

    @Override
    public void close() {
        // the joiners first, so that the last node to stop is the one a restart would bootstrap from
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).stop();
        }
    }

    /**
     * Run as root, the nodes run as the {@code mysql} user the package made: as root the rsync
     * daemon that receives a state transfer switches to {@code nobody}, which cannot write the
     * joiner's files. Otherwise as the test's own user.
     */
    private static UserPrincipal serverUser() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return null;
        }
        return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("mysql");
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + database
                + "?connectTimeout=2000&socketTimeout=60000", "root", "");
    }

    static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
