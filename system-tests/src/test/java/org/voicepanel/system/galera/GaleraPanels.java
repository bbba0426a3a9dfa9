package org.voicepanel.system.galera;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.voicepanel.system.PanelKeys;
import org.voicepanel.system.PanelProcess;
import org.voicepanel.system.Resources;

/**
 * Panels on the nodes of a {@link GaleraCluster}, one per node, as behind a load balancer, started
 * for the first time on an empty database so that they race for it for real: every panel is
 * launched before its database can be reached and waits for it, and the test lets them all in
 * once all of them wait.
 */
final class GaleraPanels implements AutoCloseable {

    static final Duration LEASE = Duration.ofSeconds(4);

    private final List<PanelProcess> panels;
    private final List<StartingGate> gates;

    private GaleraPanels(List<PanelProcess> panels, List<StartingGate> gates) {
        this.panels = panels;
        this.gates = gates;
    }

    List<PanelProcess> panels() {
        return panels;
    }

    /**
     * Launches one panel per node on {@code database}, which does not exist yet; once every panel
     * waits for it, the test creates it. The panels reach it within their retry and back-off times
     * (a second or two apart).
     */
    static GaleraPanels onceTheDatabaseExists(GaleraCluster cluster, String database, List<GaleraNode> nodes,
            String... extraArgs) throws Exception {
        GaleraPanels started = launch(database, nodes, List.of(), node -> node.jdbcUrl(database), extraArgs);
        try {
            started.awaitAllWaitingForTheDatabase();
            try (Connection connection = cluster.connect("mysql"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            started.awaitHealthy();
            return started;
        } catch (Exception e) {
            started.close();
            throw e;
        }
    }

    /**
     * The same, with each panel's connections held at a {@link StartingGate} in front of its node,
     * all opened at once: the panels reach the empty database at the same instant. The database is
     * created first, as the operator does (docs/operations.md): with {@code createDatabaseIfNotExist}
     * every new connection of both pools ran a cluster-wide {@code CREATE DATABASE} beside the
     * migrations' DDL, and once a panel's first DDL never got its answer.
     */
    static GaleraPanels atTheSameInstant(String database, List<GaleraNode> nodes) throws Exception {
        try (Connection connection = nodes.get(0).connect("mysql"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        List<StartingGate> gates = new ArrayList<>();
        for (GaleraNode node : nodes) {
            gates.add(new StartingGate(node.port()));
        }
        GaleraPanels started = launch(database, nodes, gates, node -> "jdbc:mariadb://127.0.0.1:"
                + gates.get(nodes.indexOf(node)).port() + "/" + database);
        try {
            started.awaitAllWaitingForTheDatabase();
            gates.forEach(StartingGate::open);
            started.awaitHealthy();
            return started;
        } catch (Exception e) {
            // what each node was doing tells a hung statement from a panel's own fault
            e.addSuppressed(new IllegalStateException("The nodes' sessions:\n" + sessions(nodes)));
            started.close();
            throw e;
        }
    }

    private static String sessions(List<GaleraNode> nodes) {
        StringBuilder out = new StringBuilder();
        for (GaleraNode node : nodes) {
            out.append("node ").append(node.number()).append(":\n");
            try (Connection connection = node.connect("mysql"); Statement statement = connection.createStatement();
                 java.sql.ResultSet rs = statement.executeQuery("SELECT id, db, command, time, state, info"
                         + " FROM information_schema.processlist WHERE command <> 'Sleep' AND id <> CONNECTION_ID()")) {
                while (rs.next()) {
                    out.append(String.format("  %s %s %s %ss %s: %s%n", rs.getLong(1), rs.getString(2),
                            rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6)));
                }
            } catch (java.sql.SQLException e) {
                out.append("  not asked: ").append(e).append('\n');
            }
        }
        return out.toString();
    }

    interface Url {
        String of(GaleraNode node);
    }

    private static GaleraPanels launch(String database, List<GaleraNode> nodes, List<StartingGate> gates, Url url,
            String... extraArgs) throws IOException {
        List<PanelProcess> panels = new ArrayList<>();
        GaleraPanels started = new GaleraPanels(panels, gates);
        try {
            for (GaleraNode node : nodes) {
                List<String> args = new ArrayList<>(List.of(args(url.of(node))));
                args.addAll(List.of(extraArgs));
                panels.add(PanelProcess.launch(database + "-node" + node.number(), args.toArray(String[]::new)));
            }
            return started;
        } catch (IOException | RuntimeException e) {
            try {
                started.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** What a panel on {@code node} is started with. */
    static String[] args(GaleraNode node, String database) {
        return args(node.jdbcUrl(database));
    }

    private static String[] args(String jdbcUrl) {
        return new String[] {
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=root",
                PanelKeys.arg(),
                "--panel.database-wait=3m",
                "--panel.lock-lease=" + LEASE.toSeconds() + "s",
                "--panel.plugins.teamspeak.command-timeout-ms=20000",
                "--panel.plugins.teamspeak.connect-timeout-ms=3000",
                "--panel.plugins.teamspeak.flood-rate=unlimited",
                // the test counts the certification conflicts the panels ran again
                "--logging.level.org.voicepanel.host.db.CertificationRetry=DEBUG"};
    }

    private void awaitAllWaitingForTheDatabase() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        for (PanelProcess panel : panels) {
            while (!Files.exists(panel.log()) || !panel.output().contains("cannot be reached")) {
                if (!panel.isAlive()) {
                    throw new IllegalStateException("A panel exited before it reached the database:\n"
                            + panel.output());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("A panel never waited for its database:\n" + panel.output());
                }
                Thread.sleep(100);
            }
        }
    }

    private void awaitHealthy() throws IOException {
        for (PanelProcess panel : panels) {
            panel.awaitHealthy(Duration.ofMinutes(3));
        }
    }

    @Override
    public void close() throws Exception {
        List<AutoCloseable> all = new ArrayList<>(panels);
        all.addAll(gates);
        Resources.closeAll(all.toArray(AutoCloseable[]::new));
    }
}
