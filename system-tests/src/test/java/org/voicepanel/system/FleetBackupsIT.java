package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;

/**
 * 200 services on 4 simulated TeamSpeak instances with flood protection on, all due at the same time (docs/backups.md):
 * every service is backed up once, no run trips the flood limit, and at most one run at a time talks to each
 * instance. The wall time next to its physical limit is the benchmark's ({@code -Dbenchmark.only=fleet}).
 */
class FleetBackupsIT {

    private static final int HOSTS = 4;
    private static final int PER_HOST = 50;

    private static ExternalMariaDb db;
    private static final List<ServerQuerySimulator> simulators = new ArrayList<>();
    private static PanelProcess panel;
    private static FleetScenario fleet;

    @BeforeAll
    static void start() throws Exception {
        db = ExternalMariaDb.start("fleet");
        for (int i = 0; i < HOSTS; i++) {
            simulators.add(ServerQuerySimulator.start(0));
        }
        MovedClock clock = new MovedClock(PanelProcess.buildDir().resolve("panels")
                .resolve("fleet-clock-" + System.nanoTime()).resolve("offset"));
        fleet = new FleetScenario(db, clock, simulators, PER_HOST);
        panel = PanelProcess.start("fleet", fleet.panelArgs().toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        List<AutoCloseable> all = new ArrayList<>(List.of(panel));
        all.addAll(simulators);
        all.add(db);
        Resources.closeAll(all.toArray(AutoCloseable[]::new));
    }

    @Test
    void aNightlyRunBacksUpEveryServiceOnceWithoutTrippingFloodProtection() throws Exception {
        FleetScenario.Result result = fleet.run(panel);

        System.out.printf("OBSERVED | fleet | %d services on %d hosts | wall %d ms | physical limit %d ms"
                        + " | %.1f commands per snapshot%n", HOSTS * PER_HOST, HOSTS, result.wallTime().toMillis(),
                result.physicalLimit(PER_HOST).toMillis(), result.commandsPerSnapshot());
        assertThat(result.errors()).isEmpty();
        assertThat(result.succeeded()).isEqualTo(HOSTS * PER_HOST);
        assertThat(result.createsPerHost()).containsOnly(PER_HOST);
        assertThat(result.mostSlotsHeldOnOneHost()).isLessThanOrEqualTo(1);
        assertThat(panel.output()).doesNotContain("flooding");
    }
}
