package org.voicepanel.system;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import tools.jackson.databind.JsonNode;

/**
 * A hosting fleet's nightly run (docs/backups.md): {@code hosts} simulated TeamSpeak instances with flood
 * protection on, {@code perHost} services on each, all scheduled daily at the same time, one panel with the
 * default flood rate. Moves the panel's clock past the due time and measures the wall time until every service's
 * run has succeeded, sampling the host slots meanwhile. Used by {@code FleetBackupsIT} and the benchmark.
 */
public final class FleetScenario {

    /** TeamSpeak's own default: 10 commands per 3 seconds per query client. */
    public static final int FLOOD_COMMANDS = 10;
    public static final Duration FLOOD_WINDOW = Duration.ofSeconds(3);
    /** ts3-api's default flood rate: a pause of 350 ms after each command. */
    public static final Duration PACING = Duration.ofMillis(350);
    public static final Duration JITTER = Duration.ofMinutes(2);

    /** What a fleet run observed. */
    public record Result(Duration wallTime, int succeeded, int failed, long[] createsPerHost,
                         double commandsPerSnapshot, long mostSlotsHeldOnOneHost, List<String> errors) {

        /** The flood pacing itself: commands per snapshot × pacing × snapshots per host (hosts work in parallel). */
        public Duration physicalLimit(int perHost) {
            return Duration.ofNanos((long) (commandsPerSnapshot * PACING.toNanos() * perHost));
        }
    }

    private final ExternalMariaDb db;
    private final MovedClock clock;
    private final List<ServerQuerySimulator> simulators;
    private final int perHost;

    public FleetScenario(ExternalMariaDb db, MovedClock clock, List<ServerQuerySimulator> simulators, int perHost) {
        this.db = db;
        this.clock = clock;
        this.simulators = simulators;
        this.perHost = perHost;
    }

    /** The panel's arguments the scenario needs, beside the database's. */
    public List<String> panelArgs() {
        List<String> args = new ArrayList<>(db.panelArgs());
        args.addAll(List.of(clock.panelArg(), "--panel.backups.polling-interval=100ms",
                "--panel.backups.jitter=" + JITTER.toSeconds() + "s", "--panel.plugins.teamspeak.flood-rate=default"));
        return args;
    }

    public Result run(PanelProcess panel) throws IOException, SQLException, InterruptedException {
        PanelApi api = new PanelApi(panel.baseUrl());
        List<long[]> services = new ArrayList<>(); // {serviceId} with the owner's token kept beside
        List<String> tokens = new ArrayList<>();
        for (int host = 0; host < simulators.size(); host++) {
            ServerQuerySimulator simulator = simulators.get(host);
            long userId = api.postJson("/admin/users", PanelProcess.ADMIN_TOKEN, Map.of("name", "fleet" + host))
                    .data().path("user").path("id").asLong();
            String token = api.token(userId, List.of("ROLE_WEBINTERFACE_BACKUPS_READ",
                    "ROLE_WEBINTERFACE_BACKUPS_WRITE"));
            for (int sid = 1; sid <= perHost; sid++) {
                simulator.virtualServer(sid);
                PanelApi.Answer created = api.postJson("/admin/services", PanelProcess.ADMIN_TOKEN, Map.of(
                        "owner_user_id", userId, "name", "fleet " + host + "/" + sid, "voiceserver", Map.of(
                                "type", "teamspeak3", "host", "127.0.0.1", "query_port", simulator.port(),
                                "query_username", "serveradmin", "query_password", "secret",
                                "virtual_server_id", sid, "slots", 10)));
                long serviceId = created.data().path("service").path("id").asLong();
                PanelApi.Answer scheduled = api.putJson("/services/" + serviceId + "/voiceservers/backup/schedule",
                        token, Map.of("enabled", true, "daily_at", "03:00"));
                if (scheduled.status() != 200) {
                    throw new IllegalStateException("schedule not set: " + scheduled);
                }
                services.add(new long[] {serviceId});
                tokens.add(token);
            }
        }
        for (ServerQuerySimulator simulator : simulators) {
            simulator.reset();
            simulator.floodLimit(FLOOD_COMMANDS, FLOOD_WINDOW);
        }
        // tomorrow's 03:00 UTC, then the clock moved past it and the whole jitter window: every run is due at once
        Instant due = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).plus(Duration.ofHours(3));
        long started = System.nanoTime();
        clock.set(due.plus(JITTER));
        long mostSlots = 0;
        int succeeded = 0;
        int failed = 0;
        List<String> errors = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        for (int i = 0; i < services.size(); ) {
            mostSlots = Math.max(mostSlots, db.number("SELECT COALESCE(MAX(held), 0) FROM (SELECT COUNT(*) AS held"
                    + " FROM host_slot GROUP BY host) AS slots"));
            JsonNode last = api.get("/services/" + services.get(i)[0] + "/voiceservers/backup/schedule", tokens.get(i))
                    .data().path("schedule").path("last_run");
            boolean ran = last.path("due_at").asString().equals(due.toString());
            if (ran && last.path("result").asString().equals("succeeded")) {
                succeeded++;
                i++;
            } else if (ran && last.path("result").asString().equals("failed")) {
                failed++;
                errors.add(last.path("error").asString());
                i++;
            } else if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Service " + services.get(i)[0] + " did not run: " + last);
            } else {
                Thread.sleep(100);
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        long[] creates = simulators.stream().mapToLong(s -> s.commandCount("serversnapshotcreate")).toArray();
        long commands = simulators.stream().mapToLong(s -> s.receivedLines().stream()
                .filter(line -> !line.isBlank()).count()).sum();
        return new Result(wall, succeeded, failed, creates, commands / (double) services.size(), mostSlots, errors);
    }
}
