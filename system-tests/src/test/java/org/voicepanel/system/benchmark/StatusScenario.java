package org.voicepanel.system.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.voicepanel.system.PanelApi.Customer;

/**
 * {@code GET /services/{id}/voiceservers}, the first call of the backups page, one call after the other, next to
 * {@code GET /services/{id}} of the same user: an authenticated route that reads the service and asks no voice
 * server. The status is live or cached, whatever the code does; the answer must be 200 with the voice server up
 * or down.
 */
final class StatusScenario {

    /** p50 and p99 of both sides, in nanoseconds, and the status codes the voiceservers route answered. */
    record Result(double panelP50, double panelP99, double baselineP50, double baselineP99, Set<Integer> statuses) {
    }

    private final PanelHttp http;

    StatusScenario(PanelHttp http) {
        this.http = http;
    }

    Result run(Customer customer, int warmUps, int calls) throws Exception {
        String voiceservers = "/services/" + customer.serviceId() + "/voiceservers";
        String service = "/services/" + customer.serviceId();
        List<Long> panel = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        Set<Integer> statuses = new TreeSet<>();
        for (int call = -warmUps; call < calls; call++) {
            long started = System.nanoTime();
            PanelHttp.Reply answer = http.get(voiceservers, customer.token(), "application/json");
            long panelNanos = System.nanoTime() - started;
            statuses.add(answer.status());
            started = System.nanoTime();
            PanelHttp.Reply cheap = http.get(service, customer.token(), "application/json");
            long baselineNanos = System.nanoTime() - started;
            if (cheap.status() != 200) {
                throw new IllegalStateException("GET " + service + " answered " + cheap.status());
            }
            if (call >= 0) {
                panel.add(panelNanos);
                baseline.add(baselineNanos);
            }
        }
        return new Result(Figures.percentile(panel, 50), Figures.percentile(panel, 99),
                Figures.percentile(baseline, 50), Figures.percentile(baseline, 99), statuses);
    }
}
