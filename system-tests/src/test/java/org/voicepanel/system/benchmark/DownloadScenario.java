package org.voicepanel.system.benchmark;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.voicepanel.system.PanelApi.Customer;

/**
 * GET .../backup/{snapshot} (the raw file) from N clients at once, next to N threads reading the same chunk rows
 * with plain JDBC. Short alternating rounds, summed per side.
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

    private final PanelHttp http;
    private final List<Connection> connections;
    private final ExecutorService clients = Executors.newCachedThreadPool();

    DownloadScenario(PanelHttp http, List<Connection> connections) {
        this.http = http;
        this.connections = connections;
    }

    /** @return [panel, baseline] */
    Throughput[] run(Customer customer, long snapshotId, long fileBytes, int concurrency, int rounds, long roundMillis)
            throws Exception {
        String path = customer.backups() + "/" + snapshotId;
        Fetch panel = client -> {
            PanelHttp.Reply reply = http.get(path, customer.token(), "application/octet-stream");
            if (reply.status() != 200 || reply.bytes() != fileBytes) {
                throw new IllegalStateException("download answered " + reply.status() + " with " + reply.bytes()
                        + " bytes");
            }
            return reply.bytes();
        };
        byte[][] buffers = new byte[concurrency][64 * 1024];
        Fetch baseline = client -> DirectWork.readChunks(connections.get(client), snapshotId, buffers[client]);
        Throughput panelTotal = new Throughput(0, 0, 0);
        Throughput baselineTotal = new Throughput(0, 0, 0);
        measure(panel, concurrency, 300);
        measure(baseline, concurrency, 300);
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                panelTotal = panelTotal.plus(measure(panel, concurrency, roundMillis));
                baselineTotal = baselineTotal.plus(measure(baseline, concurrency, roundMillis));
            } else {
                baselineTotal = baselineTotal.plus(measure(baseline, concurrency, roundMillis));
                panelTotal = panelTotal.plus(measure(panel, concurrency, roundMillis));
            }
        }
        return new Throughput[] {panelTotal, baselineTotal};
    }

    void close() {
        clients.shutdownNow();
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
