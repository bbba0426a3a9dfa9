package org.voicepanel.system.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.voicepanel.system.PanelApi.Customer;

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
