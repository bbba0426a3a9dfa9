package org.voicepanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voicepanel.host.PanelClient.assertError;
import static org.voicepanel.host.PanelWorld.backups;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;

import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voicepanel.host.PanelClient.Answer;
import tools.jackson.databind.JsonNode;

/**
 * Pins, labels, quotas, the manual-create cooldown, the schedule's API and the admin-only metrics, against the real
 * panel jar with the test plugin (docs/api.md, docs/backups.md).
 */
class BackupCatalogIT {

    private static PanelWorld world;

    @BeforeAll
    static void start() {
        world = new PanelWorld(BackupCatalogIT.class, List.of(
                "--panel.backups.cooldown-creates=2", "--panel.backups.cooldown-window=10m"));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aThirdManualCreateWithinTheWindowIsRefusedWith429AndRetryAfter() {
        world.create(world.aliceBundled);
        world.create(world.aliceBundled);

        Answer third = world.api.post(backups(world.aliceBundled), world.alice.readWrite());

        assertError(third, 429, "TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(third.json().path("message").asString()).contains("2 snapshots by hand every 10 minute");
        assertThat(snapshots(world.aliceBundled)).hasSize(2);
    }

    @Test
    void aPinnedSnapshotIsNotDeletedUntilUnpinnedAndTheListShowsPinAndLabel() {
        long service = world.admin.service(world.alice, "testvoice", "127.0.0.1");
        long snapshot = world.create(service);
        String path = backups(service) + "/" + snapshot;

        assertThat(world.api.post(path + "/pin", world.alice.readWrite()).status()).isEqualTo(200);
        Answer labelled = patch(path, "{\"label\":\"before the clan war\"}");
        assertThat(labelled.status()).as(labelled.text()).isEqualTo(200);
        JsonNode listed = listed(service, snapshot);
        assertThat(listed.path("pinned").asBoolean()).isTrue();
        assertThat(listed.path("label").asString()).isEqualTo("before the clan war");
        assertThat(listed.path("origin").asString()).isEqualTo("created");

        assertError(world.api.delete(path, world.alice.readWrite()), 409, "SNAPSHOT_PINNED");
        assertThat(listed(service, snapshot).isMissingNode()).isFalse();

        assertThat(world.api.delete(path + "/pin", world.alice.readWrite()).status()).isEqualTo(200);
        assertThat(world.api.delete(path, world.alice.readWrite()).status()).isEqualTo(200);
        assertThat(listed(service, snapshot).isMissingNode()).isTrue();
    }

    @Test
    void pinAndLabelNeedTheWriteRoleAndAnExistingSnapshot() {
        long snapshot = world.create(world.aliceVoice);
        String path = backups(world.aliceVoice) + "/" + snapshot;

        assertError(world.api.post(path + "/pin", world.alice.readOnly()), 403, "FORBIDDEN");
        assertError(world.api.post(backups(world.aliceVoice) + "/" + PanelWorld.MISSING + "/pin",
                world.alice.readWrite()), 404, "SNAPSHOT_NOT_FOUND");
        assertError(world.api.post(backups(world.bobVoice) + "/" + snapshot + "/pin", world.alice.readWrite()),
                404, "SERVICE_NOT_FOUND");
        assertError(patch(path, "{\"label\":\"two\\nlines\"}"), 400, "BAD_REQUEST");
        Answer unknown = patch(path, "{\"title\":\"x\"}");
        assertError(unknown, 400, "BAD_REQUEST");
        assertThat(unknown.message()).isEqualTo("The field title is not part of this request.");
    }

    @Test
    void createAndUploadOverTheSnapshotLimitAreRefusedNamingTheLimit() {
        long service = world.admin.service(world.alice, "testvoice", "127.0.0.1");
        long first = world.create(service);
        byte[] file = world.api.get(backups(service) + "/" + first, world.alice.readWrite(), PanelClient.OCTET_STREAM)
                .body();
        Answer limited = world.api.send(world.api.request("/admin/services/" + service + "/backup-limits",
                        world.adminToken).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{\"max_snapshots\":1}")));
        assertThat(limited.status()).as(limited.text()).isEqualTo(200);

        Answer create = world.api.post(backups(service), world.alice.readWrite());
        Answer upload = world.upload(service, world.alice.readWrite(), file);

        assertError(create, 409, "QUOTA_EXCEEDED");
        assertThat(create.json().path("message").asString()).contains("at most 1 snapshots");
        assertError(upload, 409, "QUOTA_EXCEEDED");
        JsonNode data = world.api.get(backups(service), world.alice.readOnly()).data();
        assertThat(data.path("snapshots")).hasSize(1);
        assertThat(data.path("quota").path("snapshots").asInt()).isEqualTo(1);
        assertThat(data.path("quota").path("max_snapshots").asInt()).isEqualTo(1);
        assertThat(data.path("quota").path("bytes").asLong()).isPositive();
    }

    @Test
    void theScheduleIsSetReadAndCheckedStrictly() {
        String path = backups(world.aliceVoice) + "/schedule";
        assertThat(world.api.get(path, world.alice.readOnly()).data().path("schedule").path("enabled").asBoolean())
                .isFalse();

        Answer set = put(path, "{\"enabled\":true,\"time_zone\":\"Europe/Berlin\",\"weekly_on\":\"monday\","
                + "\"daily_at\":\"03:30\",\"retention\":{\"keep\":5,\"daily\":7,\"weekly\":4,\"monthly\":6}}");

        assertThat(set.status()).as(set.text()).isEqualTo(200);
        JsonNode schedule = world.api.get(path, world.alice.readOnly()).data().path("schedule");
        assertThat(schedule.path("weekly_on").asString()).isEqualTo("monday");
        assertThat(schedule.path("daily_at").asString()).isEqualTo("03:30");
        assertThat(schedule.path("retention").path("monthly").asInt()).isEqualTo(6);
        assertThat(schedule.path("next_run").path("local").asString()).contains("T03:3");
        assertThat(schedule.path("next_run").path("at").asString()).endsWith("Z");

        assertError(put(path, "{\"enabled\":true,\"every_hours\":5}"), 400, "BAD_REQUEST");
        assertError(put(path, "{\"enabled\":true,\"daily_at\":\"25:00\"}"), 400, "BAD_REQUEST");
        assertError(put(path, "{\"enabled\":true,\"every_hours\":6,\"time_zone\":\"Mars/Olympus\"}"), 400,
                "BAD_REQUEST");
        assertError(put(path, "{\"enabled\":true,\"every_hours\":6,\"retention\":{\"keep\":0}}"), 400, "BAD_REQUEST");
        assertError(world.api.send(world.api.request(path, world.alice.readOnly())
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{\"enabled\":false,\"hourly\":1}"))), 403, "FORBIDDEN");
        Answer unknown = put(path, "{\"enabled\":false,\"hourly\":1}");
        assertError(unknown, 400, "BAD_REQUEST");
        assertThat(unknown.message()).isEqualTo("The field hourly is not part of this request.");
        assertThat(put(path, "{\"enabled\":false}").status()).isEqualTo(200);
        assertThat(world.api.get(path, world.alice.readOnly()).data().path("schedule").has("next_run")).isFalse();
    }

    @Test
    void theShortestIntervalAnOperatorAllowsIsEnforced() {
        long service = world.admin.service(world.alice, "testvoice", "127.0.0.1");
        world.api.send(world.api.request("/admin/services/" + service + "/backup-limits", world.adminToken)
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString("{\"min_interval_hours\":6}")));

        Answer hourly = put(backups(service) + "/schedule", "{\"enabled\":true,\"every_hours\":1}");

        assertError(hourly, 400, "BAD_REQUEST");
        assertThat(hourly.json().path("message").asString()).contains("every 6 hours");
        assertThat(put(backups(service) + "/schedule", "{\"enabled\":true,\"every_hours\":6}").status()).isEqualTo(200);
    }

    @Test
    void theWebhookAndTheStatusAreCheckedAfterTheRoleAndRefusedInSentences() {
        String ftp = "{\"url\":\"ftp://hooks.example.org/\",\"secret\":\"0123456789abcdef\"}";
        assertError(putAs(world.alice.readWrite(), "/admin/backups/webhook", ftp), 403, "FORBIDDEN");

        Answer webhook = putAs(world.adminToken, "/admin/backups/webhook", ftp);
        Answer status = putAs(world.adminToken, "/admin/services/" + world.aliceVoice + "/status",
                "{\"status\":\"locked\"}");

        assertError(webhook, 400, "BAD_REQUEST");
        assertThat(webhook.message())
                .isEqualTo("The field url must be an http or https address of at most 2048 characters.");
        assertError(status, 400, "BAD_REQUEST");
        assertThat(status.message()).isEqualTo("The field status must be one of active, suspended or adminlocked.");
    }

    @Test
    void metricsAreForAdminsOnly() {
        assertError(world.api.get("/actuator/prometheus", null), 401, "UNAUTHENTICATED");
        assertError(world.api.get("/actuator/prometheus", world.alice.readWrite()), 403, "FORBIDDEN");

        Answer metrics = world.api.get("/actuator/prometheus", world.adminToken);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("panel_backups_run_duration_seconds", "panel_backups_stored_bytes_total");
    }

    @Test
    void metricsRefuseARevokedAdminTokenThatThePanelRemembers() {
        PanelAdmin.IssuedToken support = world.admin.token(world.alice.id(), "ROLE_ADMIN");
        assertThat(world.api.get("/actuator/prometheus", support.value()).status()).isEqualTo(200);
        assertThat(world.api.get("/services", support.value()).status()).isEqualTo(200);

        assertThat(world.api.delete("/admin/tokens/" + support.id(), world.adminToken).status()).isEqualTo(200);

        // the metrics spend no request budget, so they prove a remembered token on their own
        assertError(world.api.get("/actuator/prometheus", support.value()), 401, "UNAUTHENTICATED");
        assertError(world.api.get("/services", support.value()), 401, "UNAUTHENTICATED");
    }

    private static Answer put(String path, String json) {
        return putAs(world.alice.readWrite(), path, json);
    }

    private static Answer putAs(String token, String path, String json) {
        return world.api.send(world.api.request(path, token)
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
    }

    private static Answer patch(String path, String json) {
        return world.api.send(world.api.request(path, world.alice.readWrite())
                .header("Content-Type", "application/json").method("PATCH", BodyPublishers.ofString(json)));
    }

    private static List<JsonNode> snapshots(long service) {
        return StreamSupport.stream(world.api.get(backups(service), world.alice.readOnly()).data().path("snapshots")
                .spliterator(), false).toList();
    }

    private static JsonNode listed(long service, long snapshot) {
        return snapshots(service).stream().filter(node -> node.path("snapshot_id").asLong() == snapshot).findFirst()
                .orElse(tools.jackson.databind.node.MissingNode.getInstance());
    }

}
