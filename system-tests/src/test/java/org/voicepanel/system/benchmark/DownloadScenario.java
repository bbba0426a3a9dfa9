package org.voicepanel.system.benchmark;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.voicepanel.system.PanelApi;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.system.PanelProcess;

/**
 * GET .../backup/{snapshot} from N clients at once, raw or as base64 in the JSON envelope, next to the same
 * download from {@link JdkHttpBaseline}, fetched by the same client. Short alternating rounds, summed per side.
 */
final class DownloadScenario {

    /** Totals of one side at one concurrency. */
    record Throughput(long bytes, long requests, long nanos) {

        double megabytesPerSecond() {
            return bytes / 1e6 / (nanos / 1e9);
        }

        double requestsPerSecond() {
            return requests / (nanos / 1e9);
        }

        Throughput plus(Throughput other) {
            return new Throughput(bytes + other.bytes, requests + other.requests, nanos + other.nanos);
        }
    }

    private interface Fetch {
        long fetch(int client) throws Exception;
    }

    private final PanelHttp panel;
    private final PanelHttp baseline;
    private final ExecutorService clients = Executors.newCachedThreadPool();

    DownloadScenario(PanelHttp panel, PanelHttp baseline) {
        this.panel = panel;
        this.baseline = baseline;
    }

    /** The download rows: raw and JSON at 1, 8 and 32 clients, and the web stack's floor. */
    static void measure(Report report, PanelProcess panel, BenchmarkDatabase db, Customer customer) throws Exception {
        PanelApi api = new PanelApi(panel.baseUrl());
        PanelApi.Answer created = api.post(customer.backups(), customer.token());
        long snapshotId = created.data().path("snapshot").path("id").asLong();
        long fileBytes = api.get(customer.backups(), customer.token()).data().path("snapshots").get(0)
                .path("size").asLong();
        // the envelope around the file's padded base64
        long jsonBytes = "{\"status\":\"success\",\"data\":{\"snapshot\":\"\"}}".length() + (fileBytes + 2) / 3 * 4;
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                connections.add(db.connect("panel_unlimited"));
            }
            try (JdkHttpBaseline baseline = new JdkHttpBaseline(connections)) {
                DownloadScenario scenario = new DownloadScenario(new PanelHttp(panel.baseUrl()),
                        new PanelHttp(baseline.baseUrl()));
                scenario.warmUp(customer, snapshotId, fileBytes, jsonBytes);
                for (boolean json : new boolean[] {false, true}) {
                    for (int clients : new int[] {1, 8, 32}) {
                        DownloadScenario.Throughput[] result = scenario.run(customer, snapshotId, json,
                                json ? jsonBytes : fileBytes, clients, 4, 1000);
                        double ratio = result[0].megabytesPerSecond() / result[1].megabytesPerSecond();
                        report.add(new Row("Download of a " + Figures.megabytes(fileBytes) + " file ("
                                + (json ? "base64 in the JSON envelope, " + Figures.megabytes(jsonBytes) : "raw")
                                + "), " + clients + (clients == 1 ? " client" : " concurrent clients")
                                + "; baseline: the JDK's HttpServer streaming its chunk rows from the same MariaDB"
                                + " (16 connections, as the panel's pool), fetched by the same client",
                                throughput(result[0]), throughput(result[1]), Figures.ratio(ratio), "≥ 0.8×",
                                ratio >= 0.8));
                    }
                }
                byte[] favicon = new PanelHttp(panel.baseUrl()).getBytes("/favicon.svg", null, "*/*");
                baseline.serve("/favicon.svg", favicon, "image/svg+xml");
                DownloadScenario.Throughput[] floor = scenario.floor("/favicon.svg", favicon.length, 4, 1000);
                double floorRatio = floor[0].requestsPerSecond() / floor[1].requestsPerSecond();
                report.add(new Row("For comparison, the smallest request: a static file of " + favicon.length
                        + " bytes (`/favicon.svg`, no token, no database), 1 client; baseline: the JDK's HttpServer"
                        + " answering the same bytes. What the web stack costs every route before it does anything",
                        String.format("%.0f req/s", floor[0].requestsPerSecond()),
                        String.format("%.0f req/s", floor[1].requestsPerSecond()), Figures.ratio(floorRatio), "",
                        null));
                scenario.close();
            }
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static String throughput(DownloadScenario.Throughput t) {
        return String.format("%.1f MB/s, %.1f req/s", t.megabytesPerSecond(), t.requestsPerSecond());
    }

    /**
     * @param answerBytes the size of the answer: the file, or its JSON envelope
     * @return [panel, baseline]
     */
    Throughput[] run(Customer customer, long snapshotId, boolean json, long answerBytes, int concurrency, int rounds,
                     long roundMillis) throws Exception {
        String accept = json ? "application/json" : "application/octet-stream";
        Fetch fromPanel = client -> checked(panel.get(customer.backups() + "/" + snapshotId, customer.token(), accept),
                answerBytes, "the panel");
        Fetch fromBaseline = client -> checked(baseline.get((json ? "/json/" : "/raw/") + snapshotId, "", accept),
                answerBytes, "the baseline");
        Throughput panelTotal = new Throughput(0, 0, 0);
        Throughput baselineTotal = new Throughput(0, 0, 0);
        measure(fromPanel, concurrency, 300);
        measure(fromBaseline, concurrency, 300);
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                panelTotal = panelTotal.plus(measure(fromPanel, concurrency, roundMillis));
                baselineTotal = baselineTotal.plus(measure(fromBaseline, concurrency, roundMillis));
            } else {
                baselineTotal = baselineTotal.plus(measure(fromBaseline, concurrency, roundMillis));
                panelTotal = panelTotal.plus(measure(fromPanel, concurrency, roundMillis));
            }
        }
        return new Throughput[] {panelTotal, baselineTotal};
    }

    /**
     * The same small static file from both sides, one client, no token and no database: what the panel's web stack
     * (Tomcat, the security filters, Spring MVC) costs a request before a route does anything.
     *
     * @return [panel, baseline]
     */
    Throughput[] floor(String path, long bytes, int rounds, long roundMillis) throws Exception {
        Fetch fromPanel = client -> checked(panel.get(path, null, "*/*"), bytes, "the panel");
        Fetch fromBaseline = client -> checked(baseline.get(path, null, "*/*"), bytes, "the baseline");
        measure(fromPanel, 1, 1000);
        measure(fromBaseline, 1, 1000);
        Throughput panelTotal = new Throughput(0, 0, 0);
        Throughput baselineTotal = new Throughput(0, 0, 0);
        for (int round = 0; round < rounds; round++) {
            panelTotal = panelTotal.plus(measure(fromPanel, 1, roundMillis));
            baselineTotal = baselineTotal.plus(measure(fromBaseline, 1, roundMillis));
        }
        return new Throughput[] {panelTotal, baselineTotal};
    }

    /**
     * Downloads from both sides for a while, raw and JSON, before any round counts: the first scenario measured
     * otherwise ran on code the JIT compiler had not compiled yet (and in whichever order, was the slowest).
     */
    void warmUp(Customer customer, long snapshotId, long fileBytes, long jsonBytes) throws Exception {
        for (boolean json : new boolean[] {false, true}) {
            String accept = json ? "application/json" : "application/octet-stream";
            long answerBytes = json ? jsonBytes : fileBytes;
            measure(client -> checked(panel.get(customer.backups() + "/" + snapshotId, customer.token(), accept),
                    answerBytes, "the panel"), 8, 2000);
            measure(client -> checked(baseline.get((json ? "/json/" : "/raw/") + snapshotId, "", accept),
                    answerBytes, "the baseline"), 8, 2000);
        }
    }

    void close() {
        clients.shutdownNow();
    }

    private static long checked(PanelHttp.Reply reply, long answerBytes, String who) {
        if (reply.status() != 200 || reply.bytes() != answerBytes) {
            throw new IllegalStateException("a download from " + who + " answered " + reply.status() + " with "
                    + reply.bytes() + " bytes instead of " + answerBytes);
        }
        return reply.bytes();
    }

    /** Every client fetches again and again until the time is up; the round ends when the last fetch does. */
    private Throughput measure(Fetch fetch, int concurrency, long millis) throws Exception {
        AtomicLong bytes = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        long started = System.nanoTime();
        long end = started + millis * 1_000_000;
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            int client = i;
            running.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    bytes.addAndGet(fetch.fetch(client));
                    requests.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        return new Throughput(bytes.get(), requests.get(), System.nanoTime() - started);
    }
}
