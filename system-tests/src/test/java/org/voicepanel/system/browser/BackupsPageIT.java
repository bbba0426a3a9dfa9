package org.voicepanel.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.voicepanel.system.PanelApi;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.system.MovedClock;
import org.voicepanel.system.PanelProcess;
import org.voicepanel.system.Resources;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import org.voicepanel.teamspeak.simulator.VirtualServer;

/**
 * The web page in headless Chromium against the real host jar, the real TeamSpeak plugin jar and
 * the ServerQuery simulator: what a panel user does with their backups, and what they cannot do.
 */
class BackupsPageIT {

    private static final Path BUILD_DIR = Path.of(System.getProperty("panel.build.dir", "target"));
    private static final Path SCREENSHOTS = BUILD_DIR.resolve("screenshots");

    private static ServerQuerySimulator simulator;
    private static PanelProcess panel;
    private static PanelApi api;
    /** Her service's list is the one the screenshot shows; no other test adds to it. */
    private static Customer alice;
    private static Customer bob;
    /** For the tests that leave snapshots behind or hold the service's lock. */
    private static Customer carol;
    private static long aliceUnservedService;
    private static MovedClock clock;

    private Chromium chromium;
    private PanelPage page;

    @BeforeAll
    static void startPanel() throws IOException {
        simulator = ServerQuerySimulator.start(0);
        clock = new MovedClock(BUILD_DIR.resolve("browser-clock-" + System.nanoTime()).resolve("offset"));
        // the panel's clock moves only for the schedule test; polled often so its run comes at once
        panel = PanelProcess.start("browser", clock.panelArg(), "--panel.backups.polling-interval=200ms");
        api = new PanelApi(panel.baseUrl());
        alice = api.customer("alice", simulator.port(), 32);
        bob = api.customer("bob", simulator.port(), 16);
        simulator.virtualServer(2);
        carol = api.customer("carol", simulator.port(), 8, 2);
        // a type no loaded plugin serves: such a service has a host and slots, and no connection fields
        aliceUnservedService = api.postJson("/admin/services", PanelProcess.ADMIN_TOKEN, Map.of(
                "owner_user_id", alice.userId(), "name", "alice's ventrilo", "voiceserver", Map.of(
                        "type", "ventrilo", "host", "127.0.0.1", "slots", 10)))
                .data().path("service").path("id").asLong();
    }

    @AfterAll
    static void stopPanel() throws Exception {
        Resources.closeAll(panel, simulator);
    }

    @BeforeEach
    void openBrowser(TestInfo test) throws IOException {
        simulator.reset();
        Path workDir = Files.createTempDirectory(Files.createDirectories(BUILD_DIR.resolve("browser")),
                test.getTestMethod().orElseThrow().getName() + "-");
        chromium = Chromium.start(workDir);
        page = new PanelPage(chromium.driver(), panel.baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void userCreatesDownloadsUploadsRestoresAndDeletesSnapshots() throws IOException {
        VirtualServer server = simulator.virtualServer(1);
        server.name("Name in the snapshot");

        page.logIn("alice", "alice-password");
        assertThat(page.services()).anySatisfy(row -> assertThat(row).contains("alice's server", "teamspeak3", "online"));
        page.openBackups(alice.serviceId());
        assertThat(page.text("title")).isEqualTo("Backups of alice's server");

        long created = page.createSnapshot();
        assertThat(page.success()).isEqualTo("Snapshot " + created + " was created.");
        assertThat(page.cell(created, "Origin")).isEqualTo("created");
        assertThat(page.cell(created, "Created by")).isEqualTo("alice");
        assertThat(page.cell(created, "Size")).matches("[0-9.]+ (B|KiB|MiB)");

        Path file = page.download(created, chromium.downloads());
        assertThat(file.getFileName().toString())
                .isEqualTo("teamspeak3-service-" + alice.serviceId() + "-snapshot-" + created + ".vpsnap");
        assertThat(Files.size(file)).isPositive();

        long uploaded = page.upload(file);
        assertThat(page.success()).isEqualTo("Snapshot " + uploaded + " was uploaded from " + file.getFileName() + ".");
        assertThat(page.cell(uploaded, "Origin")).isEqualTo("uploaded");
        assertThat(page.snapshotIds()).containsExactly(uploaded, created);

        server.name("Name changed later");
        String question = page.restore(uploaded);
        assertThat(question).contains("restarts", "kicked");
        assertThat(page.error()).isEmpty();
        assertThat(page.success()).isEqualTo("The Voiceserver Backup has been restored.");
        assertThat(server.name()).isEqualTo("Name in the snapshot");

        page.delete(created);
        assertThat(page.success()).isEqualTo("The Voiceserver Backup has been deleted.");
        assertThat(page.snapshotIds()).containsExactly(uploaded);
        page.await().until(d -> page.rows("log-table").stream()
                .anyMatch(row -> row.contains("Snapshot " + created + " deleted.")));
        assertThat(page.rows("log-table")).anySatisfy(row -> assertThat(row)
                .contains("alice", "Snapshot " + uploaded + " restored.", "success"));

        page.createSnapshot();
        chromium.screenshot(SCREENSHOTS.resolve("backups-page.png"));
        chromium.emulatePhone();
        page.await().until(d -> page.snapshotIds().size() == 2);
        chromium.screenshot(SCREENSHOTS.resolve("backups-page-phone.png"));
    }

    @Test
    void badUploadShowsTheSentenceTheApiGives() throws IOException {
        byte[] notASnapshot = "this is not a snapshot file!\n".getBytes(StandardCharsets.UTF_8);
        page.logIn("carol", "carol-password");
        page.openBackups(carol.serviceId());
        List<Long> before = page.snapshotIds();

        page.dropFile("not-a-snapshot.bin", notASnapshot);

        String expected = api.postBytes(carol.backups() + "/upload", carol.token(), notASnapshot,
                "application/octet-stream").json().path("message").asString();
        assertThat(page.error()).isEqualTo(expected).doesNotContain("{", "Exception", "status");
        assertThat(page.snapshotIds()).isEqualTo(before);
        chromium.screenshot(SCREENSHOTS.resolve("bad-upload.png"));
    }

    @Test
    void userCannotOpenAnotherUsersService() {
        page.logIn("bob", "bob-password");
        assertThat(page.services()).singleElement().asString().contains("bob's server");

        page.openBackups(alice.serviceId());

        assertThat(page.error()).isEqualTo("There is no service " + alice.serviceId() + ".");
        assertThat(page.shown("backups")).isFalse();
        assertThat(page.text("title")).isEqualTo("Backups");

        page.open("admin.html");
        page.await().until(d -> !page.error().isEmpty());
        assertThat(page.error()).isEqualTo("This page is for administrators only.");
        assertThat(page.shown("admin")).isFalse();
    }

    @Test
    void adminCreatesAUserWhoCanThenLogIn() throws Exception {
        setPassword(1, "admin-password");
        page.logIn("admin", "admin-password");
        page.open("admin.html");
        page.await().until(d -> page.shown("admin"));
        assertThat(page.rows("plugin-table")).hasSize(2)
                .anySatisfy(row -> assertThat(row).contains("teamspeak", "STARTED", "teamspeak3"))
                .anySatisfy(row -> assertThat(row).contains("mumble", "STARTED", "mumble"));
        assertThat(page.rows("panel-log-table")).anySatisfy(row -> assertThat(row)
                .contains("#" + alice.serviceId(), "admin", "Service created.", "success"));

        page.fill("user-name", "dave");
        page.fill("user-password", "dave-password");
        page.click("#user-form button[type=submit]");
        page.await().until(d -> page.success().startsWith("User dave was created"));
        assertThat(page.rows("user-table")).anySatisfy(row -> assertThat(row).contains("dave", "user"));

        page.logOut();
        page.logIn("dave", "dave-password");
        assertThat(page.shown("no-services")).isTrue();
    }

    @Test
    void serviceWithoutPluginSaysBackupsAreNotAvailable() {
        page.logIn("alice", "alice-password");
        assertThat(page.services()).anySatisfy(row -> assertThat(row).contains("alice's ventrilo", "backups not available"));

        page.openBackups(aliceUnservedService);

        assertThat(page.text("unsupported")).startsWith("Backups are not available for this service.");
        assertThat(page.shown("backups")).isFalse();
        assertThat(page.error()).isEmpty();
    }

    @Test
    void snapshotListIsShownBeforeTheVoiceServersStatusArrives() throws IOException {
        Customer frank = api.customer("frank", simulator.port(), 12);
        long snapshot = api.post(frank.backups(), frank.token()).data().path("snapshot").path("id").asLong();
        // frank's status was never read, and the voice server is slow to give it; the list must not wait for it
        simulator.delay("serverinfo", Duration.ofSeconds(8));

        page.logIn("frank", "frank-password");
        page.openBackups(frank.serviceId());

        assertThat(page.snapshotIds()).containsExactly(snapshot);
        assertThat(page.text("summary")).doesNotContain("online");
        page.await().until(d -> page.text("summary").contains("status: online"));
        assertThat(page.text("summary")).matches("teamspeak3 · status: online \\(read \\d+ s ago\\) · \\d+ slots");
        assertThat(page.snapshotIds()).containsExactly(snapshot);
    }

    @Test
    void runningOperationShowsSpinnerAndDisabledButtons() {
        page.logIn("carol", "carol-password");
        page.openBackups(carol.serviceId());
        int finished = page.finishedOperations();
        simulator.delay("serversnapshotcreate", Duration.ofSeconds(3));

        page.startCreating();

        assertThat(page.shown("busy")).isTrue();
        assertThat(page.text("busy-text")).isEqualTo("Creating a snapshot…");
        assertThat(page.enabled("create")).isFalse();
        assertThat(page.enabled("upload-file")).isFalse();
        page.awaitFinishedOperations(finished + 1);
        assertThat(page.shown("busy")).isFalse();
        assertThat(page.enabled("create")).isTrue();
        assertThat(page.success()).startsWith("Snapshot ");
    }

    @Test
    void operationFromElsewhereMakesThePageSayAnotherIsRunning() throws Exception {
        long snapshot = api.post(carol.backups(), carol.token()).data().path("snapshot").path("id").asLong();
        page.logIn("carol", "carol-password");
        page.openBackups(carol.serviceId());
        simulator.delay("serversnapshotdeploy", Duration.ofSeconds(5));
        ExecutorService otherClient = Executors.newSingleThreadExecutor();
        try {
            Future<Answer> restore = otherClient.submit(() ->
                    api.post(carol.backups() + "/" + snapshot + "/restore", carol.token()));
            page.await().until(d -> simulator.deployCount() > 0);

            List<Long> before = page.snapshotIds();
            int finished = page.finishedOperations();
            page.startCreating();
            page.awaitFinishedOperations(finished + 1);

            assertThat(page.error()).isEqualTo("Another operation is running on this server.");
            assertThat(page.snapshotIds()).isEqualTo(before);
            assertThat(restore.get().status()).isEqualTo(200);
        } finally {
            otherClient.shutdownNow();
        }
    }

    @Test
    void userSetsAScheduleThatRunsAndPinsAndLabelsSnapshots() throws Exception {
        Customer erin = api.customer("erin", simulator.port(), 10);
        page.logIn("erin", "erin-password");
        page.openBackups(erin.serviceId());
        assertThat(page.text("schedule-zone")).startsWith("Time zone: ");

        page.choose("schedule-kind", "hours");
        page.choose("schedule-hours", "2");
        page.fill("schedule-keep", "5");
        page.saveSchedule();

        assertThat(page.success()).isEqualTo("The schedule is saved.");
        assertThat(page.text("schedule-next")).startsWith("Next run: ");
        Answer saved = api.get(erin.backups() + "/schedule", erin.token());
        assertThat(saved.data().path("schedule").path("every_hours").asInt()).isEqualTo(2);
        assertThat(saved.data().path("schedule").path("retention").path("keep").asInt()).isEqualTo(5);

        // the panel's clock moves past the next run; the schedule takes a snapshot by itself
        clock.set(java.time.Instant.parse(saved.data().path("schedule").path("next_run").path("at").asString())
                .plusSeconds(5));
        page.await().until(d -> scheduledSnapshotOf(erin) > 0);
        page.openBackups(erin.serviceId());
        long scheduled = scheduledSnapshotOf(erin);
        assertThat(page.cell(scheduled, "Origin")).isEqualTo("scheduled");
        assertThat(page.text("schedule-last")).contains("snapshot " + scheduled + " stored");
        assertThat(page.text("quota")).startsWith("1 snapshot, ");

        page.togglePin(scheduled, "Pin");
        assertThat(page.pinned(scheduled)).isTrue();
        assertThat(page.cell(scheduled, "Snapshot")).contains("pinned");
        page.label(scheduled, "before the clan war");
        assertThat(page.cell(scheduled, "Snapshot")).contains("before the clan war");

        page.delete(scheduled);
        assertThat(page.error()).isEqualTo("Snapshot " + scheduled + " is pinned; unpin it before deleting it.");
        page.togglePin(scheduled, "Unpin");
        assertThat(page.pinned(scheduled)).isFalse();
        chromium.screenshot(SCREENSHOTS.resolve("backups-schedule.png"));
    }

    private static long scheduledSnapshotOf(Customer customer) {
        try {
            for (var snapshot : api.get(customer.backups(), customer.token()).data().path("snapshots")) {
                if (snapshot.path("origin").asString().equals("scheduled")) {
                    return snapshot.path("snapshot_id").asLong();
                }
            }
            return 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first login of a new panel: the admin user gets a password through the admin token. */
    private static void setPassword(long userId, String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(panel.baseUrl() + "/admin/users/" + userId + "/password"))
                .header("Authorization", "Bearer " + PanelProcess.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void logOutEndsTheSessionAndLoginLeadsBack() {
        page.logIn("alice", "alice-password");
        page.logOut();

        page.open("service.html?id=" + alice.serviceId());
        page.await().until(d -> page.shown("login"));
        assertThat(page.success()).isEqualTo("Please log in to go on.");

        page.submitLogin("alice", "wrong password");
        page.await().until(d -> !page.error().isEmpty());
        assertThat(page.error()).isEqualTo("The name or the password is wrong.");

        page.submitLogin("alice", "alice-password");
        page.await().until(d -> page.shown("backups"));
        assertThat(page.text("title")).isEqualTo("Backups of alice's server");
    }
}
