package org.voicepanel.system.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.voicepanel.system.PanelApi.Customer;

/**
 * GET .../backup with many snapshots on one service, next to the plain JDBC query of the same rows. The rows are
 * inserted directly into the plugin's table (the list reads no chunks), which takes seconds instead of hours.
 */
final class ListScenario {

    private final PanelHttp http;
    private final Connection connection;

    ListScenario(PanelHttp http, Connection connection) {
        this.http = http;
        this.connection = connection;
    }

    void insertSnapshots(long serviceId, int count) throws Exception {
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ts3_snapshot (service_id,"
                + " created_at, size, sha256, origin, created_by, format, chunk_count)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'v3', 1)")) {
            for (int i = 0; i < count; i++) {
                insert.setLong(1, serviceId);
                insert.setObject(2, start.plusMinutes(i));
                insert.setLong(3, 1_000_000 + i);
                insert.setString(4, String.format("%064x", i));
                insert.setString(5, i % 3 == 0 ? "uploaded" : "created");
                insert.setString(6, "lister");
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** @return [panel p50, panel p99, baseline p50, baseline p99] in nanoseconds */
    double[] run(Customer customer, int expected, int warmUp, int requests) throws Exception {
        List<Long> panel = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        for (int i = -warmUp; i < requests; i++) {
            long started = System.nanoTime();
            PanelHttp.Reply reply = http.get(customer.backups(), customer.token(), "application/json");
            long panelNanos = System.nanoTime() - started;
            if (reply.status() != 200) {
                throw new IllegalStateException("list answered " + reply.status());
            }
            started = System.nanoTime();
            int rows = DirectWork.listRows(connection, customer.serviceId()).size();
            long baselineNanos = System.nanoTime() - started;
            if (rows != expected) {
                throw new IllegalStateException("the service has " + rows + " snapshots, not " + expected);
            }
            if (i >= 0) {
                panel.add(panelNanos);
                baseline.add(baselineNanos);
            }
        }
        return new double[] {Figures.percentile(panel, 50), Figures.percentile(panel, 99),
                Figures.percentile(baseline, 50), Figures.percentile(baseline, 99)};
    }
}
