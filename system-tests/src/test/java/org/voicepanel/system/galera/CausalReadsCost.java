package org.voicepanel.system.galera;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.voicepanel.system.BrowserSession;
import org.voicepanel.system.PanelApi;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.system.PanelProcess;
import org.voicepanel.system.Resources;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;

/**
 * What causal reads ({@code wsrep_sync_wait=1}, docs/operations.md) cost per request: two panels on
 * the same node of a three-node Galera cluster and the same database, one with causal reads (the
 * default) and one with {@code panel.galera.causal-reads=false}, asked the same requests in turn;
 * once on a quiet cluster and once while another node commits small writes without pause. Beside
 * them, the same with a bare JDBC read. Not a test, and not part of {@code PanelBenchmark}'s run
 * (it needs the Galera packages): run it on its own in the {@code benchmark} profile with
 * {@code -Dit.test=CausalReadsCost}; it prints a table and writes it to
 * {@code target/causal-reads-cost.md}. Asserts nothing about speed.
 */
class CausalReadsCost {

    private static final int WARM_UP = 100;
    private static final int ROUNDS = 300;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void measureCausalReadsNextToPlainReads() throws Exception {
        Path build = Path.of(System.getProperty("panel.build.dir", "target"));
        GaleraCluster cluster = GaleraCluster.start(build, 3);
        ServerQuerySimulator simulator = ServerQuerySimulator.start(0);
        PanelProcess causal = null;
        PanelProcess plain = null;
        try {
            try (Connection connection = cluster.connect("mysql"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE bench");
            }
            causal = PanelProcess.start("bench-causal", GaleraPanels.args(cluster.node(1), "bench"));
            plain = PanelProcess.start("bench-plain", withArg(GaleraPanels.args(cluster.node(1), "bench"),
                    "--panel.galera.causal-reads=false"));
            PanelApi api = new PanelApi(causal.baseUrl());
            Customer erin = api.customer("erin", simulator.port(), 12);
            long snapshot = api.post(erin.backups(), erin.token()).data().path("snapshot").path("id").asLong();
            BrowserSession login = new BrowserSession(causal.baseUrl());
            login.logIn("erin", "erin-password");
            String session = "SESSION=" + login.cookie("SESSION").orElseThrow();
            Map<String, Request> requests = new LinkedHashMap<>();
            requests.put("GET snapshot list (token)", base -> get(base + erin.backups(), "Authorization",
                    "Bearer " + erin.token()));
            requests.put("GET snapshot file (token)", base -> get(base + erin.backups() + "/" + snapshot,
                    "Authorization", "Bearer " + erin.token(), "Accept", "application/octet-stream"));
            requests.put("GET /session (web session)", base -> get(base + "/session", "Cookie", session));

            List<String> table = new ArrayList<>();
            table.add("| request | cluster | median, causal reads | median, without | p90, causal reads | p90, without |");
            table.add("|---|---|---|---|---|---|");
            for (boolean busy : new boolean[] {false, true}) {
                try (Writer writer = busy ? new Writer(cluster.node(2)) : null) {
                    String load = busy ? "node 2 writing (" : "quiet";
                    for (Map.Entry<String, Request> request : requests.entrySet()) {
                        List<Long>[] times = interleaved(request.getValue(), causal.baseUrl(), plain.baseUrl());
                        table.add(row(request.getKey(), busy ? load + writer.rate() + " commits/s)" : load, times));
                    }
                    List<Long>[] jdbc = jdbcReads(cluster.node(1));
                    table.add(row("bare JDBC `SELECT` by primary key", busy ? load + writer.rate() + " commits/s)"
                            : load, jdbc));
                }
            }
            table.add("");
            table.add(staleReads(cluster.node(2), cluster.node(1)));
            String report = String.join("\n", table) + "\n";
            System.out.println(report);
            Files.writeString(build.resolve("causal-reads-cost.md"), report);
        } finally {
            Resources.closeAll(causal, plain, simulator, cluster);
        }
    }

    interface Request {
        int send(String baseUrl) throws IOException, InterruptedException;
    }

    /** Both panels asked in turn, so that both see the same machine load. */
    @SuppressWarnings("unchecked")
    private static List<Long>[] interleaved(Request request, String causal, String plain) throws Exception {
        List<Long>[] times = new List[] {new ArrayList<Long>(), new ArrayList<Long>()};
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
            for (int side = 0; side < 2; side++) {
                String base = (i + side) % 2 == 0 ? causal : plain;
                long started = System.nanoTime();
                int status = request.send(base);
                long took = System.nanoTime() - started;
                if (status != 200) {
                    throw new IllegalStateException("status " + status);
                }
                if (i >= WARM_UP) {
                    times[base.equals(causal) ? 0 : 1].add(took);
                }
            }
        }
        return times;
    }

    @SuppressWarnings("unchecked")
    private static List<Long>[] jdbcReads(GaleraNode node) throws Exception {
        List<Long>[] times = new List[] {new ArrayList<Long>(), new ArrayList<Long>()};
        try (Connection causal = node.connect("bench"); Connection plain = node.connect("bench")) {
            try (Statement statement = causal.createStatement()) {
                statement.execute("SET SESSION wsrep_sync_wait = 1");
            }
            Connection[] connections = {causal, plain};
            for (int i = 0; i < WARM_UP + ROUNDS; i++) {
                for (int side = 0; side < 2; side++) {
                    try (PreparedStatement read = connections[side].prepareStatement(
                            "SELECT name FROM panel_user WHERE id = ?")) {
                        read.setLong(1, 1);
                        long started = System.nanoTime();
                        try (ResultSet rs = read.executeQuery()) {
                            rs.next();
                        }
                        if (i >= WARM_UP) {
                            times[side].add(System.nanoTime() - started);
                        }
                    }
                }
            }
        }
        return times;
    }

    /**
     * Why causal reads are on: a 1 MiB row committed on one node, read by its key on another at
     * once, alternately with and without {@code wsrep_sync_wait}; how many reads missed it.
     */
    private static String staleReads(GaleraNode writer, GaleraNode reader) throws Exception {
        int trials = 100;
        int[] missed = new int[2];
        try (Connection write = writer.connect("bench"); Connection causal = reader.connect("bench");
             Connection plain = reader.connect("bench")) {
            try (Statement statement = write.createStatement()) {
                statement.execute("CREATE TABLE bench_blobs (id BIGINT NOT NULL PRIMARY KEY, data LONGBLOB NOT NULL)"
                        + " ENGINE = InnoDB");
            }
            try (Statement statement = causal.createStatement()) {
                statement.execute("SET SESSION wsrep_sync_wait = 1");
            }
            byte[] blob = new byte[1024 * 1024];
            for (int i = 0; i < 2 * trials; i++) {
                try (PreparedStatement insert = write.prepareStatement("INSERT INTO bench_blobs VALUES (?, ?)")) {
                    insert.setLong(1, i);
                    insert.setBytes(2, blob);
                    insert.executeUpdate();
                }
                Connection read = i % 2 == 0 ? causal : plain;
                try (PreparedStatement select = read.prepareStatement("SELECT 1 FROM bench_blobs WHERE id = ?")) {
                    select.setLong(1, i);
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            missed[i % 2]++;
                        }
                    }
                }
            }
        }
        return "A 1 MiB row committed on node " + writer.number() + ", read at once by its key on node "
                + reader.number() + ": with causal reads " + missed[0] + " of " + trials + " reads missed it, without "
                + missed[1] + " of " + trials + ".";
    }

    private int get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String row(String what, String load, List<Long>[] times) {
        return "| " + what + " | " + load + " | " + ms(percentile(times[0], 50)) + " | " + ms(percentile(times[1], 50))
                + " | " + ms(percentile(times[0], 90)) + " | " + ms(percentile(times[1], 90)) + " |";
    }

    private static long percentile(List<Long> nanos, int percent) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static String ms(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }

    private static String[] withArg(String[] args, String arg) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = arg;
        return all;
    }

    /** Small commits on another node without pause, so that the measured node always has some to apply. */
    private static final class Writer implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong commits = new AtomicLong();
        private final long started = System.nanoTime();
        private final Thread thread;

        Writer(GaleraNode node) throws Exception {
            try (Connection connection = node.connect("bench"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS bench_writes (id BIGINT NOT NULL AUTO_INCREMENT"
                        + " PRIMARY KEY, payload VARCHAR(255) NOT NULL) ENGINE = InnoDB");
            }
            thread = new Thread(() -> {
                try (Connection connection = node.connect("bench");
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO bench_writes (payload) VALUES (REPEAT('x', 200))")) {
                    while (running.get()) {
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "bench-writer");
            thread.start();
        }

        long rate() {
            return commits.get() * 1_000_000_000L / Math.max(1, System.nanoTime() - started);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
