package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import tools.jackson.databind.JsonNode;

/**
 * Hourly schedules of three TeamSpeak services run by two panel processes on one MariaDB, their clock moved by the
 * test (docs/backups.md): every due time gives exactly one snapshot per service, also when the panel running a slow
 * create is killed, and three due times missed while both panels are down give one catch-up run each. The tests
 * run in order on one timeline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledBackupsIT {

    private static final int SERVICES = 3;
    private static final int DUE_TIMES = 50;
    private static final Duration JITTER = Duration.ofMinutes(2);
    private static final Duration AFTER_JITTER = JITTER.plusMinutes(1);
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static ExternalMariaDb db;
    private static ServerQuerySimulator simulator;
    private static MovedClock clock;
    private static final PanelProcess[] panels = new PanelProcess[2];
    private static PanelApi api;
    private static final List<Customer> customers = new ArrayList<>();
    /** The last due time the timeline reached. */
    private static Instant due;

    @BeforeAll
    static void start() throws Exception {
        db = ExternalMariaDb.start("scheduled-backups");
        simulator = ServerQuerySimulator.start(0);
        clock = new MovedClock(PanelProcess.buildDir().resolve("panels").resolve("scheduled-clock-" + System.nanoTime())
                .resolve("offset"));
        startBoth();
        for (int i = 1; i <= SERVICES; i++) {
            simulator.virtualServer(i);
            Customer customer = api.customer("sched" + i, simulator.port(), 10, i);
            customers.add(customer);
            PanelApi.Answer set = api.putJson(customer.backups() + "/schedule", customer.token(), Map.of(
                    "enabled", true, "time_zone", "Europe/Berlin", "every_hours", 1,
                    "retention", Map.of("keep", 200)));
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
        }
        // the first due time the test moves to: at least an hour ahead, so real time never reaches one by itself
        due = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    }

    @AfterAll
    static void stop() throws Exception {
        for (PanelProcess panel : panels) {
            if (panel != null) {
                panel.close();
            }
        }
        if (simulator != null) {
            simulator.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void fiftyDueTimesOnTwoPanelsGiveExactlyOneSnapshotPerServicePerDueTime() throws Exception {
        simulator.reset();
        for (int step = 0; step < DUE_TIMES; step++) {
            due = due.plus(Duration.ofHours(1));
            clock.set(due.plus(AFTER_JITTER));
            awaitAllRan(due);
        }

        // a panel stalled past its lease may have created one more, which it then removed: stored ones count
        assertThat(simulator.commandCount("serversnapshotcreate")).isGreaterThanOrEqualTo(SERVICES * DUE_TIMES);
        for (Customer customer : customers) {
            assertThat(scheduledSnapshots(customer)).hasSize(DUE_TIMES);
            assertThat(db.number("SELECT COUNT(DISTINCT snapshot_id) FROM backup_run WHERE result = 'SUCCEEDED'"
                    + " AND service_id = " + customer.serviceId())).isEqualTo(DUE_TIMES);
        }
    }

    @Test
    @Order(2)
    void aPanelKilledDuringASlowCreateIsTakenOverAndTheDueTimeStillGivesOneSnapshot() throws Exception {
        simulator.reset();
        simulator.delay("serversnapshotcreate", Duration.ofSeconds(10));
        int[] before = customers.stream().mapToInt(customer -> scheduledSnapshots(customer).size()).toArray();
        due = due.plus(Duration.ofHours(1));
        clock.set(due.plus(AFTER_JITTER));

        int running = awaitRunStartedOnSomePanel(due);
        panels[running].kill();
        simulator.reset();
        awaitAllRan(due);

        // the killed panel's run was completed by the other one: one more scheduled snapshot each, none twice
        for (int i = 0; i < SERVICES; i++) {
            assertThat(scheduledSnapshots(customers.get(i))).hasSize(before[i] + 1);
        }
        assertThat(panels[1 - running].output()).contains("Reviving dead execution");
        panels[running].startAgain();
    }

    @Test
    @Order(3)
    void threeDueTimesMissedWhileBothPanelsAreDownGiveOneCatchUpRun() throws Exception {
        int[] before = customers.stream().mapToInt(customer -> scheduledSnapshots(customer).size()).toArray();
        for (PanelProcess panel : panels) {
            panel.stop();
        }
        simulator.reset();
        due = due.plus(Duration.ofHours(3));
        clock.set(due.plus(AFTER_JITTER));
        for (PanelProcess panel : panels) {
            panel.launchAgain();
        }
        for (PanelProcess panel : panels) {
            panel.awaitHealthy(Duration.ofMinutes(2));
        }

        // the catch-up stands for the latest missed due time
        awaitAllRan(due);

        for (int i = 0; i < SERVICES; i++) {
            Customer customer = customers.get(i);
            assertThat(scheduledSnapshots(customer)).hasSize(before[i] + 1);
            JsonNode schedule = schedule(customer);
            assertThat(Instant.parse(schedule.path("next_run").path("at").asString()))
                    .isAfter(due).isBefore(due.plus(Duration.ofHours(1)).plus(JITTER));
        }
        // one run per service for the three missed due times, not three
        assertThat(db.number("SELECT COUNT(*) FROM backup_run WHERE due_at > '"
                + java.time.LocalDateTime.ofInstant(due.minus(Duration.ofHours(3)), java.time.ZoneOffset.UTC) + "'"))
                .isEqualTo(SERVICES);
    }

    private static void startBoth() throws Exception {
        CompletableFuture<PanelProcess> first = startAsync("scheduled-one");
        CompletableFuture<PanelProcess> second = startAsync("scheduled-two");
        panels[0] = first.get(3, TimeUnit.MINUTES);
        panels[1] = second.get(3, TimeUnit.MINUTES);
        api = new PanelApi(panels[0].baseUrl());
    }

    private static CompletableFuture<PanelProcess> startAsync(String name) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> args = new ArrayList<>(db.panelArgs());
            args.addAll(List.of(clock.panelArg(),
                    "--panel.lock-lease=10s",
                    "--panel.backups.polling-interval=200ms",
                    "--panel.backups.heartbeat-interval=2s",
                    "--panel.backups.busy-retry=2s",
                    "--panel.backups.jitter=" + JITTER.toSeconds() + "s",
                    "--panel.plugins.teamspeak.flood-rate=unlimited",
                    "--logging.level.org.voicepanel.host.schedule=DEBUG"));
            try {
                return PanelProcess.start(name, args.toArray(String[]::new));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Waits until every service's last run is the one due at {@code dueAt}, and succeeded. */
    private static void awaitAllRan(Instant dueAt) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        for (Customer customer : customers) {
            while (true) {
                JsonNode last = lastRun(customer);
                if (last.path("due_at").asString().equals(dueAt.toString())
                        && last.path("result").asString().equals("succeeded")) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Service " + customer.serviceId() + " did not run for " + dueAt
                            + "; its last run: " + last + "; runs: "
                            + db.rows("SELECT * FROM backup_run ORDER BY due_at DESC LIMIT 6"));
                }
                Thread.sleep(100);
            }
        }
    }

    /** The index of the panel that logged the start of a run due at {@code dueAt}. */
    private static int awaitRunStartedOnSomePanel(Instant dueAt) throws Exception {
        // the run's own line, not the scheduler's "next run for ... starts at ..." of a panel that only planned it
        String ending = " for " + dueAt + " starts";
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (int i = 0; i < panels.length; i++) {
                boolean started = panels[i].output().lines()
                        .anyMatch(line -> line.contains("Scheduled run of service") && line.endsWith(ending));
                if (started && simulator.commandCount("serversnapshotcreate") > 0) {
                    return i;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No panel started the run due " + dueAt);
    }

    private static JsonNode schedule(Customer customer) {
        for (PanelProcess panel : panels) {
            if (panel.isAlive()) {
                try {
                    PanelApi.Answer answer = new PanelApi(panel.baseUrl()).get(customer.backups() + "/schedule",
                            customer.token());
                    if (answer.status() == 200) {
                        return answer.data().path("schedule");
                    }
                } catch (IOException e) {
                    // that panel is starting or stopping: ask the other
                }
            }
        }
        throw new AssertionError("No panel answered");
    }

    private static JsonNode lastRun(Customer customer) {
        return schedule(customer).path("last_run");
    }

    private static List<JsonNode> scheduledSnapshots(Customer customer) {
        for (PanelProcess panel : panels) {
            if (panel.isAlive()) {
                try {
                    PanelApi.Answer answer = new PanelApi(panel.baseUrl()).get(customer.backups(), customer.token());
                    return StreamSupport.stream(answer.data().path("snapshots").spliterator(), false)
                            .filter(node -> node.path("origin").asString().equals("scheduled")).toList();
                } catch (IOException e) {
                    // ask the other
                }
            }
        }
        throw new AssertionError("No panel answered");
    }
}
