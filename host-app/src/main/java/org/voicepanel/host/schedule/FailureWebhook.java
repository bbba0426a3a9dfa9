package org.voicepanel.host.schedule;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voicepanel.host.schedule.WebhookStore.Webhook;
import org.voicepanel.host.service.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the operator's webhook of a failed scheduled run (docs/backups.md): a JSON body signed with HMAC-SHA256
 * under the admin-set secret, delivered in the background so the run never waits, retried with doubling waits.
 * At most {@link #PENDING_LIMIT} notices wait at once; past that a notice is logged and dropped. Thread-safe.
 */
@Component
class FailureWebhook implements AutoCloseable {

    static final String SIGNATURE_HEADER = "X-Panel-Signature";
    static final String TIMESTAMP_HEADER = "X-Panel-Timestamp";
    private static final int PENDING_LIMIT = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(FailureWebhook.class);

    private final WebhookStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final int attempts;
    private final Duration backoff;
    private final AtomicInteger pending = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "backup-webhook");
        thread.setDaemon(true);
        return thread;
    });

    FailureWebhook(WebhookStore store, JsonMapper json, Clock clock, BackupsProperties properties) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.attempts = Math.max(1, properties.webhookAttempts());
        this.backoff = properties.webhookBackoff();
    }

    /** Queues the notice of a failed run; returns at once. */
    void runFailed(Service service, Instant dueAt, Instant startedAt, String error) {
        if (pending.incrementAndGet() > PENDING_LIMIT) {
            pending.decrementAndGet();
            log.warn("Webhook notice for service {} dropped: {} notices wait already", service.id(), PENDING_LIMIT);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "backup.failed");
        body.put("service_id", service.id());
        body.put("service_name", service.name());
        body.put("voiceserver_type", service.type());
        body.put("due_at", dueAt.toString());
        body.put("started_at", startedAt.toString());
        body.put("failed_at", clock.instant().toString());
        body.put("error", error);
        byte[] bytes = json.writeValueAsBytes(body);
        retries.execute(() -> deliver(bytes, 1));
    }

    private void deliver(byte[] body, int attempt) {
        try {
            var webhook = store.current();
            if (webhook.isEmpty()) {
                pending.decrementAndGet();
                return;
            }
            HttpResponse<Void> response = http.send(request(webhook.get(), body), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                pending.decrementAndGet();
                return;
            }
            retryOrDrop(body, attempt, "HTTP " + response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            retryOrDrop(body, attempt, e.toString());
        }
    }

    private void retryOrDrop(byte[] body, int attempt, String why) {
        if (attempt >= attempts) {
            pending.decrementAndGet();
            log.warn("Webhook notice given up after {} attempts: {}", attempt, why);
            return;
        }
        long wait = backoff.toMillis() << Math.min(attempt - 1, 20);
        log.info("Webhook delivery {} failed ({}); next in {} ms", attempt, why, wait);
        retries.schedule(() -> deliver(body, attempt + 1), wait, TimeUnit.MILLISECONDS);
    }

    private HttpRequest request(Webhook webhook, byte[] body) throws GeneralSecurityException {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return HttpRequest.newBuilder(URI.create(webhook.url())).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, "sha256=" + signature(webhook.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** Hex HMAC-SHA256 over {@code timestamp + "." + body}; the timestamp in the MAC stops replays of old bodies. */
    static String signature(String secret, String timestamp, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
