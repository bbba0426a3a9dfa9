package org.voicepanel.system.sdk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that behaves as the hosting provider's official SDKs do: the HTTP layer turns a 503 into a
 * maintenance error, a 428 into a concurrency error and a 429 into a rate-limit error, reads the
 * rate-limit headers of every answer, and hands back {@code data}; services are built by
 * {@code data.service.type} and silently dropped from the list when no class fits.
 */
public final class SdkClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String accessToken;
    private OptionalLong rateLimit = OptionalLong.empty();
    private OptionalLong remainingRequests = OptionalLong.empty();

    public SdkClient(String baseUrl, String accessToken) {
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
    }

    /** Every service the SDK can build; the others are dropped without a word, as the SDKs do. */
    public List<Service> getServices() throws IOException {
        List<Service> services = new ArrayList<>();
        for (JsonNode listed : dataGet("services").path("services")) {
            try {
                services.add(getService(listed.path("id").asLong()));
            } catch (SdkException e) {
                // the SDKs swallow every service they cannot build
            }
        }
        return services;
    }

    /** The service's class by its {@code type}: only {@code voiceserver} has one here. */
    public Service getService(long id) throws IOException {
        JsonNode service = dataGet("services/" + id).path("service");
        String type = service.path("type").asString();
        if (!"voiceserver".equals(type)) {
            throw new SdkException("Class for Type " + type + " not found");
        }
        return new Voiceserver(this, service);
    }

    public OptionalLong rateLimit() {
        return rateLimit;
    }

    public OptionalLong remainingRequests() {
        return remainingRequests;
    }

    JsonNode dataGet(String path) throws IOException {
        return send(request(path).GET());
    }

    JsonNode dataPost(String path, String body) throws IOException {
        return send(request(path).POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII)));
    }

    JsonNode dataDelete(String path) throws IOException {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        String separator = path.contains("?") ? "&" : "?";
        return HttpRequest.newBuilder(URI.create(baseUrl + "/" + path + separator + "access_token=" + accessToken))
                .timeout(Duration.ofMinutes(2));
    }

    private JsonNode send(HttpRequest.Builder builder) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().firstValueAsLong("X-RateLimit-Limit").ifPresentOrElse(limit -> {
            rateLimit = OptionalLong.of(limit);
            remainingRequests = OptionalLong.of(response.headers().firstValueAsLong("X-RateLimit-Remaining").orElse(-1));
        }, () -> rateLimit = OptionalLong.empty());
        JsonNode body = JSON.readTree(response.body());
        String message = body.path("message").asString("Unknown error");
        switch (response.statusCode()) {
            case 200, 201 -> {
                return body.has("data") ? body.path("data") : body;
            }
            case 503 -> throw new SdkException.Maintenance(message);
            case 428 -> throw new SdkException.Concurrency(message);
            case 429 -> throw new SdkException.RateLimit(message);
            default -> throw new SdkException.HttpError(response.statusCode(), message);
        }
    }
}
