package org.voicepanel.host.schedule;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.Envelope;

/** The panel's failure webhook, set by an admin (docs/backups.md); the secret is never shown again. */
@RestController
class WebhookController {

    private static final String PATH = "/admin/backups/webhook";

    private final WebhookStore store;

    WebhookController(WebhookStore store) {
        this.store = store;
    }

    @GetMapping(PATH)
    Envelope webhook(Caller caller) {
        caller.require(Role.ADMIN);
        Map<String, Object> view = new LinkedHashMap<>();
        store.current().ifPresent(webhook -> view.put("url", webhook.url()));
        return Envelope.data("webhook", view);
    }

    @PutMapping(PATH)
    Envelope setWebhook(Caller caller, @RequestBody(required = false) Map<String, Object> body) {
        caller.require(Role.ADMIN);
        BodyFields fields = BodyFields.of(body, Set.of("url", "secret"));
        String url = fields.text("url", 2048);
        String secret = fields.text("secret", 200);
        if (url == null || !isHttp(url)) {
            throw ApiException.badRequest("url must be an http or https address.");
        }
        if (secret == null || secret.length() < 16) {
            throw ApiException.badRequest("secret must be at least 16 characters; it signs each notice.");
        }
        store.set(url, secret);
        return Envelope.message("The webhook is set; failed scheduled runs are sent to it.");
    }

    @DeleteMapping(PATH)
    Envelope removeWebhook(Caller caller) {
        caller.require(Role.ADMIN);
        store.remove();
        return Envelope.message("The webhook is removed.");
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
