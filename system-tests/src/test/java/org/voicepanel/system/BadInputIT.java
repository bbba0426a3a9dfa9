package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import org.voicepanel.teamspeak.snapshot.SnapshotSamples;

/**
 * Malformed and hostile input: ids, upload bodies, JSON bodies and oversized uploads. Each gets a
 * clear error in the envelope with the contract's status, nothing is stored, and nothing reaches
 * the voice server. The panel refuses external snapshots (the default) and has a 2 MiB upload
 * limit; the test knows the panel's keysets, so it can seal crafted payloads exactly as the panel
 * would, which is how a leaked key or a malicious insider would try to get past the seal.
 */
class BadInputIT {

    private static final long UPLOAD_LIMIT = 2 * 1024 * 1024;

    private static ServerQuerySimulator simulator;
    private static PanelProcess panel;
    private static PanelApi api;
    private static Customer ida;
    private static Customer jon;
    private static long idaSnapshot;
    private static String idaPayload;

    @BeforeAll
    static void start() throws IOException {
        simulator = ServerQuerySimulator.start(0);
        simulator.virtualServer(2);
        // a heap smaller than the oversized uploads below: reading one into memory would fail
        panel = PanelProcess.start("bad-input", List.of("-Xmx192m"), PanelKeys.arg(),
                "--panel.upload-max-bytes=" + UPLOAD_LIMIT,
                "--panel.plugins.teamspeak.command-timeout-ms=5000",
                "--panel.plugins.teamspeak.connect-timeout-ms=2000",
                "--panel.plugins.teamspeak.flood-rate=unlimited");
        api = new PanelApi(panel.baseUrl());
        ida = api.customer("ida", simulator.port(), 20, 1);
        jon = api.customer("jon", simulator.port(), 20, 2);
        simulator.virtualServer(1).name("Ünïcødé 🎧 сервер | ünd \\ sløsh");
        idaSnapshot = created(api.post(ida.backups(), ida.token()));
        created(api.post(jon.backups(), jon.token()));
        idaPayload = new String(unseal(download(ida, idaSnapshot)), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(panel, simulator);
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void malformedServiceIdsAre400() throws IOException {
        for (String id : List.of("-1", "0", "abc", "1.5", "0x1", "1e3", "+1", "%20", "99999999999999999999999",
                "9223372036854775808")) {
            for (Answer answer : List.of(
                    api.get("/services/" + id + "/voiceservers/backup", ida.token()),
                    api.post("/services/" + id + "/voiceservers/backup", ida.token()),
                    api.get("/services/" + id, ida.token()))) {
                assertError(answer, 400, "BAD_REQUEST", "id " + id);
            }
        }
        assertThat(simulator.receivedLines()).isEmpty();
    }

    @Test
    void malformedSnapshotIdsAre400AndTouchNothing() throws IOException {
        SnapshotLedger before = SnapshotLedger.of(api, ida);
        for (String id : List.of("-1", "0", "abc", "1.5", "0x1", "+1", "99999999999999999999999")) {
            String path = ida.backups() + "/" + id;
            assertError(api.get(path, ida.token()), 400, "BAD_REQUEST", "GET " + id);
            assertError(api.delete(path, ida.token()), 400, "BAD_REQUEST", "DELETE " + id);
            assertError(api.post(path + "/restore", ida.token()), 400, "BAD_REQUEST", "restore " + id);
        }
        before.assertUnchanged(api, ida);
        assertThat(simulator.deployCount()).isZero();
    }

    @Test
    void wellFormedButUnknownIdsAre404() throws IOException {
        assertError(api.get("/services/999999999999/voiceservers/backup", ida.token()), 404, "SERVICE_NOT_FOUND",
                "unknown service");
        assertError(api.get(ida.backups() + "/999999999999", ida.token()), 404, "SNAPSHOT_NOT_FOUND",
                "unknown snapshot");
    }

    @Test
    void anotherServicesSnapshotIdIsNotFoundOnEveryRouteAndStaysIntact() throws IOException {
        SnapshotLedger idasBefore = SnapshotLedger.of(api, ida);
        // jon names ida's snapshot under his own service
        String path = jon.backups() + "/" + idaSnapshot;

        assertError(api.get(path, jon.token()), 404, "SNAPSHOT_NOT_FOUND", "download");
        assertError(api.post(path + "/restore", jon.token()), 404, "SNAPSHOT_NOT_FOUND", "restore");
        assertError(api.delete(path, jon.token()), 404, "SNAPSHOT_NOT_FOUND", "delete");

        idasBefore.assertUnchanged(api, ida);
        assertThat(simulator.deployCount()).isZero();
    }

    @Test
    void bodiesThatAreNoSnapshotFileAre422AndStoreNothing() throws IOException {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        bodies.put("random bytes", random);
        bodies.put("bad base64 (dangling)", "QUJDRA=".getBytes(StandardCharsets.US_ASCII));
        bodies.put("bad base64 (padding inside)", "QU==JDRA".getBytes(StandardCharsets.US_ASCII));
        bodies.put("base64 of random bytes", Base64.getEncoder().encode(random));
        bodies.put("a plain TeamSpeak snapshot (external refused)", idaPayload.getBytes(StandardCharsets.UTF_8));
        bodies.put("a legacy plain snapshot", SnapshotSamples.legacy().getBytes(StandardCharsets.UTF_8));
        bodies.put("sealed with another key", seal(PanelKeys.foreignSealer(), idaPayload));
        bodies.put("the panel's seal around garbage", seal(PanelKeys.panelSealer(), "hello, this is no snapshot"));
        bodies.put("the panel's seal around random bytes", seal(PanelKeys.panelSealer(), random));

        assertEveryUploadRefused(bodies);
    }

    @Test
    void sealedSnapshotsCarryingASecondCommandOrStrayCharactersAre422AndNeverReachTheServer() throws IOException {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (Map.Entry<String, String> crafted : Map.of(
                "a newline and a second command", idaPayload + "\nserverdelete sid=1",
                "CR LF and a second command", idaPayload + "\r\nserverdelete sid=1",
                "a | and a second record", idaPayload + "|serverdelete sid=1",
                "a NUL byte", idaPayload.replace(" data=", "\u0000 data="),
                "an escape sequence", idaPayload + "\u001b[2J",
                "an extra option", idaPayload + " -mapping",
                "an extra field raising slots", idaPayload + " virtualserver_maxclients=9999",
                "a very long line of nonsense", "version=3 data=" + "A".repeat(3_000_000),
                "a version the panel does not know", idaPayload.replace("version=3", "version=9")).entrySet()) {
            bodies.put(crafted.getKey(), seal(PanelKeys.panelSealer(), crafted.getValue()));
        }

        assertEveryUploadRefused(bodies);
        assertThat(simulator.receivedLines()).noneMatch(line -> line.contains("serverdelete"));
    }

    @Test
    void unicodeInNamesSurvivesUploadAndRestore() throws IOException {
        byte[] file = download(ida, idaSnapshot);
        long uploaded = created(api.postBytes(ida.backups() + "/upload", ida.token(),
                Base64.getMimeEncoder().encode(file), "text/plain"));
        simulator.virtualServer(1).name("renamed");

        Answer restored = api.post(ida.backups() + "/" + uploaded + "/restore", ida.token());

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(simulator.virtualServer(1).name()).isEqualTo("Ünïcødé 🎧 сервер | ünd \\ sløsh");
        assertThat(api.delete(ida.backups() + "/" + uploaded, ida.token()).status()).isEqualTo(200);
    }

    @Test
    void uploadOverTheLimitIs413WithoutBeingReadIntoMemory() throws IOException {
        SnapshotLedger before = SnapshotLedger.of(api, ida);
        long huge = 256L * 1024 * 1024; // larger than the panel's whole heap

        // on a raw socket: the panel answers at once and closes the connection rather than read the rest, and the
        // JDK client, which reads no answer before its body is sent, would see only the closed connection
        Answer declared = rawUpload(RawHttp.zeros(huge), huge, "application/octet-stream");
        Answer chunked = rawUpload(RawHttp.zeros(huge), -1, "application/octet-stream");
        Answer justOver = rawUpload(RawHttp.zeros(UPLOAD_LIMIT + 1), UPLOAD_LIMIT + 1, "application/octet-stream");
        byte[] multipart = multipart("file", new byte[(int) UPLOAD_LIMIT + 1]);
        Answer multipartOver = rawUpload(new ByteArrayInputStream(multipart), multipart.length,
                "multipart/form-data; boundary=" + BOUNDARY);

        for (Answer answer : List.of(declared, chunked, justOver, multipartOver)) {
            assertError(answer, 413, "PAYLOAD_TOO_LARGE", "oversized upload");
        }
        assertThat(panel.output()).doesNotContain("OutOfMemoryError");
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        before.assertUnchanged(api, ida);
    }

    @Test
    void multipartUploadWithoutAFilePartIs400AndWithOneWorks() throws IOException {
        byte[] file = download(ida, idaSnapshot);

        Answer noFile = api.postBytes(ida.backups() + "/upload", ida.token(), multipart("other", file),
                "multipart/form-data; boundary=" + BOUNDARY);
        Answer truncatedMultipart = api.postBytes(ida.backups() + "/upload", ida.token(),
                "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII),
                "multipart/form-data; boundary=x");
        Answer withFile = api.postBytes(ida.backups() + "/upload", ida.token(), multipart("file", file),
                "multipart/form-data; boundary=" + BOUNDARY);

        assertError(noFile, 400, "BAD_REQUEST", "no file part");
        assertError(truncatedMultipart, 400, "BAD_REQUEST", "truncated multipart");
        long uploaded = created(withFile);
        assertThat(api.delete(ida.backups() + "/" + uploaded, ida.token()).status()).isEqualTo(200);
    }

    @Test
    void malformedJsonBodiesAre400AndCreateNothing() throws IOException {
        String admin = PanelProcess.ADMIN_TOKEN;
        long usersBefore = api.get("/admin/users", admin).data().path("users").size();
        long servicesBefore = api.get("/admin/services", admin).data().path("services").size();

        assertError(api.postBytes("/admin/users", admin, "{\"name\":".getBytes(StandardCharsets.UTF_8),
                "application/json"), 400, "BAD_REQUEST", "truncated JSON");
        assertError(api.postBytes("/admin/users", admin, new byte[0], "application/json"), 400, "BAD_REQUEST",
                "empty JSON");
        assertError(api.postJson("/admin/users", admin, Map.of("name", "eve\nserverdelete")), 400, "BAD_REQUEST",
                "newline in a user name");
        assertError(api.postJson("/admin/users", admin, Map.of("name", "x".repeat(65))), 400, "BAD_REQUEST",
                "long user name");
        assertError(api.postJson("/admin/users/" + ida.userId() + "/tokens", admin,
                Map.of("roles", List.of("ROLE_ADMIN\n"))), 400, "BAD_REQUEST", "unknown role");
        assertError(api.postBytes("/admin/users", admin, "name=eve".getBytes(StandardCharsets.UTF_8),
                "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE", "not JSON");
        Map<String, Object> smuggling = new LinkedHashMap<>();
        smuggling.put("owner_user_id", ida.userId());
        smuggling.put("name", "smuggler");
        smuggling.put("voiceserver", Map.of("type", "teamspeak3", "host", "127.0.0.1", "query_port", simulator.port(),
                "query_username", "serveradmin", "query_password", "secret\nserverdelete sid=1",
                "virtual_server_id", 1, "slots", 10));
        assertError(api.postJson("/admin/services", admin, smuggling), 400, "BAD_REQUEST",
                "a second command in the query password");
        smuggling.put("voiceserver", Map.of("type", "teamspeak3", "host", "127.0.0.1 ; rm", "query_port", 70000,
                "query_username", "serveradmin", "query_password", "secret", "virtual_server_id", -1, "slots", 0));
        assertError(api.postJson("/admin/services", admin, smuggling), 400, "BAD_REQUEST", "bad host and numbers");

        assertThat(api.get("/admin/users", admin).data().path("users").size()).isEqualTo(usersBefore);
        assertThat(api.get("/admin/services", admin).data().path("services").size()).isEqualTo(servicesBefore);
        assertThat(simulator.receivedLines()).noneMatch(line -> line.contains("serverdelete"));
    }

    private static Answer rawUpload(InputStream body, long length, String contentType) throws IOException {
        return new RawHttp(panel.baseUrl()).send("POST", ida.backups() + "/upload", body, length,
                "Content-Type", contentType, "Authorization", "Bearer " + ida.token()).answer();
    }

    private static void assertEveryUploadRefused(Map<String, byte[]> bodies) throws IOException {
        SnapshotLedger before = SnapshotLedger.of(api, ida);
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            Answer answer = api.postBytes(ida.backups() + "/upload", ida.token(), body.getValue(),
                    "application/octet-stream");
            assertError(answer, 422, "SNAPSHOT_FILE_INVALID", body.getKey());
        }
        before.assertUnchanged(api, ida);
        assertThat(simulator.deployCount()).isZero();
    }

    /** An error in the one envelope, with a sentence that gives nothing of the panel's insides away. */
    static void assertError(Answer answer, int status, String code, String what) {
        Timed.observed(answer, what, null);
        assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(status);
        assertThat(answer.json().path("status").asString()).as(what).isEqualTo("error");
        assertThat(answer.code()).as("%s: %s", what, answer).isEqualTo(code);
        String message = answer.json().path("message").asString();
        assertThat(message).as(what).isNotBlank()
                .doesNotContain("Exception", "at org.", "at java.", ".java:", "SQL", "jdbc:", "/work/", "null");
    }

    private static final String BOUNDARY = "reliability-boundary";

    private static byte[] multipart(String partName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + partName
                + "\"; filename=\"snapshot.vpsnap\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static byte[] download(Customer customer, long snapshotId) throws IOException {
        Answer answer = api.get(customer.backups() + "/" + snapshotId, customer.token(), "Accept",
                "application/octet-stream");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static byte[] seal(SnapshotFileSealer sealer, String payload) {
        return seal(sealer, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] seal(SnapshotFileSealer sealer, byte[] payload) {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try {
            sealer.seal(new ByteArrayInputStream(payload), sealed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sealed.toByteArray();
    }

    private static byte[] unseal(byte[] file) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try {
            PanelKeys.panelSealer().unseal(new ByteArrayInputStream(file), payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return payload.toByteArray();
    }

    private static long created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.data().path("snapshot").path("id").asLong();
    }
}
