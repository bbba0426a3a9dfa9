package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.theholywaffle.teamspeak3.TS3Api;
import com.github.theholywaffle.teamspeak3.TS3Config;
import com.github.theholywaffle.teamspeak3.TS3Query;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.system.RawHttp.Reply;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;

/**
 * Every resource a request can take is bounded (docs/reliability.md, "Resource bounds"): heap,
 * disk, worker threads and time, against the real jar at a small heap ({@code -Xmx512m}) with its
 * temp folder where the test can measure it. Large snapshots are about 58 MB, as an attacker with
 * one ordinary account would send them.
 */
class ResourceBoundsIT {

    private static final long SNAPSHOT_BYTES = 58L * 1000 * 1000;
    private static final int RESTORING_SERVICES = 4;

    private static ServerQuerySimulator simulator;
    private static PanelProcess panel;
    private static PanelApi api;
    private static RawHttp raw;
    private static Path temp;
    private static byte[] bigSnapshot;
    private static Customer una;
    private static final List<Customer> restorers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        simulator = ServerQuerySimulator.start(0);
        temp = Files.createDirectories(PanelProcess.buildDir().resolve("resource-bounds-tmp-" + System.nanoTime()));
        panel = PanelProcess.start("resource-bounds", List.of("-Xmx512m", "-Djava.io.tmpdir=" + temp),
                "--panel.plugins.teamspeak.accept-external-snapshots=true",
                "--panel.plugins.teamspeak.flood-rate=unlimited");
        api = new PanelApi(panel.baseUrl());
        raw = new RawHttp(panel.baseUrl());
        bigSnapshot = grownSnapshot(1);
        una = api.customer("una", simulator.port(), 16, 1);
        for (int i = 1; i <= RESTORING_SERVICES; i++) {
            simulator.virtualServer(i);
            Customer customer = api.customer("rea" + i, simulator.port(), 16, i);
            Answer uploaded = api.postBytes(customer.backups() + "/upload", customer.token(), bigSnapshot,
                    "application/octet-stream");
            assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
            restorers.add(customer);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(panel, simulator);
    }

    @Test
    void sixParallelFiftyMegabyteLoginsAre413BeforeAnyIsParsed() throws Exception {
        String cookie = csrfCookie();
        byte[] json = ("{\"name\":\"admin\",\"password\":\"" + "a".repeat(50_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        List<Callable<Reply>> logins = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean chunked = i % 2 == 1; // half without a declared length
            logins.add(() -> raw.send("POST", "/session", new ByteArrayInputStream(json),
                    chunked ? -1 : json.length, "Content-Type", "application/json",
                    "Cookie", "XSRF-TOKEN=" + cookie, "X-XSRF-TOKEN", cookie));
        }
        for (Reply reply : together(logins)) {
            assertEnvelope(reply, 413, "PAYLOAD_TOO_LARGE", "a 50 MB login");
            assertThat(reply.bodyBytesSent()).as("read of the body").isLessThan(json.length);
        }
        Reply nested = raw.send("POST", "/session", new ByteArrayInputStream(
                        ("{\"name\":\"a\",\"password\":\"b\",\"x\":" + "[".repeat(64) + "]".repeat(64) + "}")
                                .getBytes(StandardCharsets.UTF_8)), -1,
                "Content-Type", "application/json", "Cookie", "XSRF-TOKEN=" + cookie, "X-XSRF-TOKEN", cookie);
        assertEnvelope(nested, 413, "PAYLOAD_TOO_LARGE", "JSON nested 64 deep");
        assertPanelStaysUp();
    }

    @Test
    void multipartBodiesAreReadOnlyByTheUploadRouteAndNeverSpoolForARefusedRequest() throws Exception {
        String cookie = csrfCookie();
        byte[] eightParts = multipart(8, 4 * 1024 * 1024, "part");
        long before = TempFolderWatch.bytes(temp);
        try (TempFolderWatch watch = new TempFolderWatch(temp)) {
            assertEnvelope(raw.send("POST", "/session", new ByteArrayInputStream(eightParts), eightParts.length,
                    "Content-Type", "multipart/form-data; boundary=" + BOUNDARY, "Cookie", "XSRF-TOKEN=" + cookie,
                    "X-XSRF-TOKEN", cookie), 415, "UNSUPPORTED_MEDIA_TYPE", "multipart login with 8 parts of 4 MiB");
            assertEnvelope(raw.send("POST", una.backups() + "/upload", new ByteArrayInputStream(eightParts),
                    eightParts.length, "Content-Type", "multipart/form-data; boundary=" + BOUNDARY), 401,
                    "UNAUTHENTICATED", "anonymous multipart upload");
            assertEnvelope(raw.send("POST", "/admin/users", new ByteArrayInputStream(eightParts),
                    eightParts.length, "Content-Type", "multipart/form-data; boundary=" + BOUNDARY,
                    "Authorization", "Bearer " + PanelProcess.ADMIN_TOKEN), 415, "UNSUPPORTED_MEDIA_TYPE",
                    "multipart to an admin route");
            byte[] nineParts = multipart(9, 16, "field");
            assertEnvelope(raw.send("POST", una.backups() + "/upload", new ByteArrayInputStream(nineParts),
                    nineParts.length, "Content-Type", "multipart/form-data; boundary=" + BOUNDARY,
                    "Authorization", "Bearer " + una.token()), 400, "BAD_REQUEST", "a multipart upload of 9 parts");
            watch.close();
            System.out.printf("OBSERVED | temp folder before %d bytes, peak %d bytes%n", before, watch.peak());
            assertThat(watch.peak()).as("bytes spooled").isEqualTo(before);
        }
        assertPanelStaysUp();
    }

    @Test
    void sixteenParallelUploadsToOneServiceSpoolOnlyTheOneHoldingTheLock() throws Exception {
        long before = TempFolderWatch.bytes(temp);
        List<Reply> replies;
        try (TempFolderWatch watch = new TempFolderWatch(temp)) {
            List<Callable<Reply>> uploads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                uploads.add(() -> raw.send("POST", una.backups() + "/upload", new ByteArrayInputStream(bigSnapshot),
                        bigSnapshot.length, "Content-Type", "application/octet-stream",
                        "Authorization", "Bearer " + una.token()));
            }
            replies = together(uploads);
            watch.close();
            System.out.printf("OBSERVED | 16 uploads of %d bytes: temp folder before %d bytes, peak %d bytes%n",
                    bigSnapshot.length, before, watch.peak());
            // the one upload's spool is the upload itself, never a second copy, never another upload
            assertThat(watch.peak() - before).as("peak spooling").isEqualTo(bigSnapshot.length);
        }
        System.out.printf("OBSERVED | 16 uploads: a refused one got at most %d bytes out before the panel hung up%n",
                replies.stream().filter(reply -> reply.status() != 201).mapToLong(Reply::bodyBytesSent).max()
                        .orElse(0));
        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(1);
        for (Reply reply : replies) {
            if (reply.status() != 201) {
                assertEnvelope(reply, 428, "SERVICE_BUSY", "an upload while another one runs");
                assertThat(reply.bodyBytesSent()).as("body sent before the answer").isLessThan(bigSnapshot.length);
            }
        }
        assertThat(TempFolderWatch.bytes(temp)).as("temp folder afterwards").isEqualTo(before);
        assertPanelStaysUp();
    }

    @Test
    void anUploadBeyondThePanelsSpoolsIs503WhileTwoOthersAreReceived() throws Exception {
        List<Customer> senders = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            senders.add(api.customer("sam" + i + "-" + System.nanoTime() % 100_000, simulator.port(), 16, 1));
        }
        CountDownLatch third = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Reply>> receiving = new ArrayList<>();
            for (Customer sender : senders.subList(0, 2)) {
                receiving.add(threads.submit(() -> raw.send("POST", sender.backups() + "/upload",
                        heldAfterFirstMebibyte(third), bigSnapshot.length, "Content-Type", "application/octet-stream",
                        "Authorization", "Bearer " + sender.token())));
            }
            awaitSpoolingUploads(2);
            Customer last = senders.get(2);
            Reply refused = raw.send("POST", last.backups() + "/upload", new ByteArrayInputStream(bigSnapshot),
                    bigSnapshot.length, "Content-Type", "application/octet-stream",
                    "Authorization", "Bearer " + last.token());
            third.countDown();
            assertEnvelope(refused, 503, "PANEL_BUSY", "a third upload while two are received");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            for (Future<Reply> upload : receiving) {
                assertThat(upload.get().status()).as(upload.get().toString()).isEqualTo(201);
            }
        } finally {
            third.countDown();
            threads.shutdownNow();
        }
        assertPanelStaysUp();
    }

    /** The big snapshot, whose first MiB goes out at once and the rest once {@code release} opens. */
    private static java.io.InputStream heldAfterFirstMebibyte(CountDownLatch release) {
        int first = 1024 * 1024;
        return new java.io.SequenceInputStream(new ByteArrayInputStream(bigSnapshot, 0, first), new java.io.InputStream() {
            private final java.io.InputStream rest = new ByteArrayInputStream(bigSnapshot, first, bigSnapshot.length - first);

            @Override
            public int read() throws IOException {
                awaitRelease();
                return rest.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                awaitRelease();
                return rest.read(b, off, len);
            }

            private void awaitRelease() throws IOException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        });
    }

    /** Waits until the panel spools this many uploads (their files in its temp folder). */
    private static void awaitSpoolingUploads(int count) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            try (var files = Files.list(temp)) {
                if (files.filter(file -> file.getFileName().toString().startsWith("upload-")).count() >= count) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the panel did not start spooling " + count + " uploads");
    }

    @Test
    void fourConcurrentRestoresOfLargeSnapshotsSucceedOrAre503AndThePanelStaysUp() throws Exception {
        simulator.reset();
        List<Callable<Answer>> restores = new ArrayList<>();
        for (Customer customer : restorers) {
            long snapshot = api.get(customer.backups(), customer.token()).data().path("snapshots").get(0)
                    .path("snapshot_id").asLong();
            restores.add(() -> api.post(customer.backups() + "/" + snapshot + "/restore", customer.token()));
        }
        List<Answer> answers = together(restores);
        int restored = 0;
        for (Answer answer : answers) {
            Timed.observed(answer, "one of four concurrent restores of 58 MB", null);
            if (answer.status() == 200) {
                restored++;
            } else {
                BadInputIT.assertError(answer, 503, "PANEL_BUSY", "a restore beyond the panel's room");
                assertThat(answer.response().headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(restored).as("restores that ran").isPositive();
        assertThat(simulator.deployCount()).as("deploys that reached the voice server").isEqualTo(restored);
        assertPanelStaysUp();
    }

    @Test
    void bodiesTrickledAByteEveryFiveSecondsAreCutOffAndFreeTheirThreads() throws Exception {
        String cookie = csrfCookie();
        List<Callable<Reply>> tricklers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            boolean upload = i % 5 == 0;
            tricklers.add(() -> upload
                    ? raw.send("POST", una.backups() + "/upload", RawHttp.trickle(1000, 5000), 1000,
                    "Content-Type", "application/octet-stream", "Authorization", "Bearer " + una.token())
                    : raw.send("POST", "/session", RawHttp.trickle(1000, 5000), 1000, "Content-Type",
                    "application/json", "Cookie", "XSRF-TOKEN=" + cookie, "X-XSRF-TOKEN", cookie));
        }
        List<Reply> replies = together(tricklers);
        System.out.printf("OBSERVED | 50 trickled bodies: at most %d of 1000 bytes got out before the panel hung up%n",
                replies.stream().mapToLong(Reply::bodyBytesSent).max().orElse(0));
        for (Reply reply : replies) {
            // the upload that got the service's lock reads and is cut off; the others were busy at once
            if (reply.status() == 428) {
                assertEnvelope(reply, 428, "SERVICE_BUSY", "a trickled upload while another one runs");
            } else {
                assertEnvelope(reply, 408, "REQUEST_TIMEOUT", "a body trickled a byte every 5 s");
            }
            assertThat(reply.bodyBytesSent()).as("bytes the client got out before the panel hung up")
                    .isLessThan(1000);
        }
        assertPanelStaysUp();
    }

    @Test
    void aDeclaredTwoGigabyteUploadIs413AndItsConnectionClosedUnread() throws IOException {
        long declared = 2L * 1024 * 1024 * 1024;
        Reply reply = raw.send("POST", una.backups() + "/upload", RawHttp.zeros(declared), declared,
                "Content-Type", "application/octet-stream", "Authorization", "Bearer " + una.token());
        assertEnvelope(reply, 413, "PAYLOAD_TOO_LARGE", "a declared 2 GiB upload");
        System.out.printf("OBSERVED | 2 GiB upload: %d bytes got out before the panel closed the connection%n",
                reply.bodyBytesSent());
        assertThat(reply.bodyBytesSent()).as("bytes the client got out").isLessThan(64L * 1024 * 1024);
        assertPanelStaysUp();
    }

    @Test
    void requestsTomcatRefusesItselfAnswerTheEnvelopeWithTheSecurityHeaders() throws IOException {
        for (String path : List.of("/services/1%2F2/voiceservers", "/services/1%5C2/voiceservers",
                "/services/1%00/voiceservers", "/services/%ZZ/voiceservers", "/services/%E0%A4%A/voiceservers")) {
            Reply reply = raw.send("GET", path, "Authorization", "Bearer " + una.token());
            assertEnvelope(reply, 400, "BAD_REQUEST", "GET " + path);
            assertSecurityHeaders(reply, path);
        }
        Reply bigHeader = raw.send("GET", "/services", "Authorization", "Bearer " + una.token(),
                "X-Padding", "a".repeat(9 * 1024));
        assertEnvelope(bigHeader, 400, "BAD_REQUEST", "a 9 KB header");
        assertSecurityHeaders(bigHeader, "9 KB header");
        for (String path : List.of("/", "/service.html", "/app.css", "/services")) {
            assertThat(raw.send("GET", path).header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
    }

    @Test
    void downloadsNameTheirFileThroughContentDisposition() throws IOException {
        Customer owner = restorers.get(0);
        long snapshot = api.get(owner.backups(), owner.token()).data().path("snapshots").get(0)
                .path("snapshot_id").asLong();
        Reply download = raw.send("GET", owner.backups() + "/" + snapshot, "Authorization", "Bearer " + owner.token(),
                "Accept", "application/octet-stream");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).matches("attachment; filename=\"teamspeak3-service-\\d+-"
                + "snapshot-\\d+\\.vpsnap\"; filename\\*=UTF-8''teamspeak3-service-\\d+-snapshot-\\d+\\.vpsnap");
    }

    private static void assertPanelStaysUp() throws IOException {
        assertThat(panel.isAlive()).isTrue();
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get(una.backups(), una.token()).status()).isEqualTo(200);
        assertThat(panel.output()).doesNotContain("OutOfMemoryError").doesNotContainPattern("Request \\w+ failed");
    }

    private static void assertEnvelope(Reply reply, int status, String code, String what) {
        assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(status);
        BadInputIT.assertError(reply.answer(), status, code, what);
    }

    private static void assertSecurityHeaders(Reply reply, String what) {
        assertThat(reply.header("Content-Type")).as(what).startsWith("application/json");
        assertThat(reply.header("Content-Security-Policy")).as(what).contains("default-src 'self'");
        assertThat(reply.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(reply.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(reply.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
    }

    /** The CSRF cookie any visitor gets from the page. */
    private static String csrfCookie() throws IOException {
        String setCookie = raw.send("GET", "/").header("Set-Cookie");
        return setCookie.replaceAll(".*XSRF-TOKEN=([^;]+).*", "$1");
    }

    /** Runs the calls at the same moment, each on its own thread; their answers in order. */
    private static <T> List<T> together(List<Callable<T>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Grows a virtual server to about {@link #SNAPSHOT_BYTES} and takes its snapshot text straight from it. */
    private static byte[] grownSnapshot(int virtualServerId) {
        int descriptionBytes = 10_000;
        simulator.virtualServer(virtualServerId).addChannels((int) (SNAPSHOT_BYTES / descriptionBytes), descriptionBytes);
        TS3Config config = new TS3Config().setHost("127.0.0.1").setQueryPort(simulator.port())
                .setFloodRate(TS3Query.FloodRate.UNLIMITED).setCommandTimeout(120_000);
        TS3Query query = new TS3Query(config);
        query.connect();
        try {
            TS3Api ts3 = query.getApi();
            ts3.login("serveradmin", "secret");
            ts3.selectVirtualServerById(virtualServerId);
            return ts3.createServerSnapshot().get().getBytes(StandardCharsets.UTF_8);
        } finally {
            query.exit();
        }
    }

    private static final String BOUNDARY = "resource-bounds-boundary";

    private static byte[] multipart(int parts, int partBytes, String name) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < parts; i++) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + i
                    + "\"; filename=\"p" + i + ".bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(new byte[partBytes]);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
