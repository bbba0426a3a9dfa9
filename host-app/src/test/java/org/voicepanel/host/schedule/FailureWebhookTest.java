package org.voicepanel.host.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.host.db.TestDatabase;
import org.voicepanel.host.keys.PanelKeysets;
import org.voicepanel.host.service.QueryPasswordCipher;
import org.voicepanel.host.service.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The failure webhook against a real HTTP server on a random port: body, signature, retries, never blocking. */
class FailureWebhookTest {

    private static final String SECRET = "a-webhook-secret-of-some-length";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Delivery(String signature, String timestamp, byte[] body) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final CountDownLatch accepted = new CountDownLatch(1);
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holding;
    private HttpServer receiver;
    private WebhookStore store;
    private FailureWebhook webhook;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst(FailureWebhook.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(FailureWebhook.TIMESTAMP_HEADER), body));
            arrived.countDown();
            if (holding) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            if (status == 204) {
                accepted.countDown();
            }
        });
        receiver.start();
        store = new WebhookStore(TestDatabase.jdbi(), new QueryPasswordCipher(
                PanelKeysets.in(Files.createTempDirectory("webhook-test-keys-"))));
        store.set("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", SECRET);
        BackupsProperties properties = new BackupsProperties(0, 0, 1, "off", 0, Duration.ofMinutes(10), 1,
                Duration.ZERO, Duration.ofMinutes(2), 1, Duration.ofSeconds(1), Duration.ofSeconds(1), 4,
                Duration.ofMillis(50));
        webhook = new FailureWebhook(store, JSON, Clock.systemUTC(), properties);
    }

    @AfterEach
    void stop() {
        webhook.close();
        receiver.stop(0);
        store.remove();
    }

    @Test
    void aFailedRunIsPostedSignedAndRetriedUntilTheReceiverTakesIt() throws Exception {
        failuresLeft.set(2);
        Service service = new Service(42, 1, "Alice TS", "teamspeak3", "127.0.0.1", 32,
                Map.of("query_port", "10011", "query_username", "serveradmin", "virtual_server_id", "1"), Map.of());

        webhook.runFailed(service, Instant.parse("2026-12-02T02:30:00Z"), Instant.parse("2026-12-02T02:33:41Z"),
                "The voice server at 127.0.0.1:10011 refused the connection.");

        assertThat(accepted.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(deliveries).hasSize(3);
        Delivery last = deliveries.get(2);
        assertThat(last.signature()).isEqualTo("sha256=" + FailureWebhook.signature(SECRET, last.timestamp(), last.body()));
        assertThat(last.signature()).isNotEqualTo("sha256=" + FailureWebhook.signature("another secret",
                last.timestamp(), last.body()));
        JsonNode body = JSON.readTree(last.body());
        assertThat(body.path("event").asString()).isEqualTo("backup.failed");
        assertThat(body.path("service_id").asLong()).isEqualTo(42);
        assertThat(body.path("due_at").asString()).isEqualTo("2026-12-02T02:30:00Z");
        assertThat(body.path("error").asString()).contains("refused the connection");
    }

    @Test
    void aReceiverThatHangsHoldsNoRunUpAndOneThatAlwaysFailsIsGivenUpAfterTheAttempts() throws Exception {
        failuresLeft.set(Integer.MAX_VALUE);
        holding = true;
        Service service = new Service(7, 1, "Bob TS", "teamspeak3", "127.0.0.1", 32,
                Map.of("query_port", "10011", "query_username", "serveradmin", "virtual_server_id", "1"), Map.of());
        webhook.runFailed(service, Instant.now(), Instant.now(), "first failure");
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();

        // the delivery of the first notice hangs; a second failed run still goes on at once
        webhook.runFailed(service, Instant.now(), Instant.now(), "second failure");
        assertThat(deliveries).hasSize(1);
        holding = false;
        release.countDown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (deliveries.size() < 8 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500); // no ninth delivery comes
        assertThat(deliveries).hasSize(8);
        assertThat(deliveries).extracting(d -> JSON.readTree(d.body()).path("error").asString())
                .containsOnly("first failure", "second failure");
    }
}
