package org.voicepanel.host.schedule;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.NoUnknownFields;
import org.voicepanel.host.web.RequestBodies;

/** The panel's failure webhook, set by an admin (docs/backups.md); the secret is never shown again. */
@RestController
class WebhookController {

    private static final String PATH = "/admin/backups/webhook";
    private static final String URL_RULE = "The field url must be an http or https address of at most 2048 characters.";
    private static final String SECRET_RULE = "The field secret must be 16 to 200 characters without control"
            + " characters; it signs each notice.";

    record NewWebhook(
            @NotNull(message = URL_RULE) @Size(max = 2048, message = URL_RULE) @HttpUrl(message = URL_RULE) String url,
            @NotNull(message = SECRET_RULE) @Size(min = 16, max = 200, message = SECRET_RULE)
            @Pattern(regexp = RequestBodies.NO_CONTROL_CHARACTERS, message = SECRET_RULE) String secret,
            @JsonAnySetter @NoUnknownFields @Schema(hidden = true) Map<String, Object> unknown) {
    }

    private final WebhookStore store;
    private final RequestBodies bodies;

    WebhookController(WebhookStore store, RequestBodies bodies) {
        this.store = store;
        this.bodies = bodies;
    }

    @GetMapping(PATH)
    Envelope webhook(Caller caller) {
        caller.require(Role.ADMIN);
        Map<String, Object> view = new LinkedHashMap<>();
        store.current().ifPresent(webhook -> view.put("url", webhook.url()));
        return Envelope.data("webhook", view);
    }

    @PutMapping(PATH)
    Envelope setWebhook(Caller caller, @RequestBody(required = false) NewWebhook body) {
        caller.require(Role.ADMIN);
        bodies.checked(body);
        store.set(body.url(), body.secret());
        return Envelope.message("The webhook is set; failed scheduled runs are sent to it.");
    }

    @DeleteMapping(PATH)
    Envelope removeWebhook(Caller caller) {
        caller.require(Role.ADMIN);
        store.remove();
        return Envelope.message("The webhook is removed.");
    }
}
