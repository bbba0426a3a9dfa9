package org.voicepanel.system.benchmark;

import com.github.theholywaffle.teamspeak3.TS3Query.FloodRate;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.voicepanel.system.PanelApi.Customer;

/**
 * POST .../backup end to end next to the same steps done directly: ts3-api (connect, login, use,
 * serversnapshotcreate, quit) and a plain JDBC insert of the snapshot's bytes into tables of the same shape.
 * Runs alternate between the two, so drift on a shared machine hits both alike; medians are compared.
 */
final class CreateScenario {

    /**
     * One snapshot size: a virtual server of the simulator grown to it, and a service of the panel on it.
     *
     * @param warmUps rounds run first and not counted, so that both sides are measured with their code compiled,
     *     as in a panel that has been running for a while
     */
    record Size(int virtualServerId, int warmUps, int rounds) {
    }

    private final DirectWork direct;
    private final PanelHttp http;
    private final Connection connection;
    private final FloodRate floodRate;

    CreateScenario(DirectWork direct, PanelHttp http, Connection connection, FloodRate floodRate) {
        this.direct = direct;
        this.http = http;
        this.connection = connection;
        this.floodRate = floodRate;
    }

    /** @return the medians: [panel nanos, baseline nanos] */
    double[] run(Size size, Customer customer) throws Exception {
        List<Long> panel = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        for (int round = -size.warmUps(); round < size.rounds(); round++) {
            long panelNanos;
            long baselineNanos;
            if (round % 2 == 0) {
                panelNanos = panelOnce(customer);
                baselineNanos = baselineOnce(size);
            } else {
                baselineNanos = baselineOnce(size);
                panelNanos = panelOnce(customer);
            }
            if (round >= 0) {
                panel.add(panelNanos);
                baseline.add(baselineNanos);
            }
        }
        return new double[] {Figures.median(panel), Figures.median(baseline)};
    }

    private long panelOnce(Customer customer) throws Exception {
        long started = System.nanoTime();
        PanelHttp.Reply reply = http.post(customer.backups(), customer.token());
        long took = System.nanoTime() - started;
        if (reply.status() != 201) {
            throw new IllegalStateException("create answered " + reply.status() + " " + reply.text());
        }
        return took;
    }

    private long baselineOnce(Size size) throws Exception {
        long started = System.nanoTime();
        String snapshot = direct.createSnapshot(size.virtualServerId(), floodRate);
        DirectWork.insert(connection, snapshot.getBytes(StandardCharsets.UTF_8));
        return System.nanoTime() - started;
    }
}
