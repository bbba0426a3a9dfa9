package org.voicepanel.host.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voicepanel.host.web.JsonBodies.checked;
import static org.voicepanel.host.web.JsonBodies.refusal;

import org.junit.jupiter.api.Test;

/** {@code PUT /admin/backups/webhook}'s body. */
class WebhookBodyTest {

    private static final String URL_RULE = "The field url must be an http or https address of at most 2048 characters.";
    private static final String SECRET_RULE = "The field secret must be 16 to 200 characters without control"
            + " characters; it signs each notice.";

    private static String refused(String json) {
        return refusal(json, WebhookController.NewWebhook.class);
    }

    @Test
    void anHttpsAddressAndALongEnoughSecretAreTaken() {
        WebhookController.NewWebhook body = checked("{\"url\":\"https://hooks.example.org/panel\","
                + "\"secret\":\"0123456789abcdef\"}", WebhookController.NewWebhook.class);

        assertThat(body.url()).isEqualTo("https://hooks.example.org/panel");
        assertThat(body.secret()).isEqualTo("0123456789abcdef");
    }

    @Test
    void otherAddressesAndShortOrMultiLineSecretsAreRefusedByName() {
        String secret = ",\"secret\":\"0123456789abcdef\"}";
        assertThat(refused("{\"url\":\"ftp://files.example.org/\"" + secret)).isEqualTo(URL_RULE);
        assertThat(refused("{\"url\":\"https:relative\"" + secret)).isEqualTo(URL_RULE);
        assertThat(refused("{\"url\":\"https://a b/\"" + secret)).isEqualTo(URL_RULE);
        assertThat(refused("{\"url\":\"https://example.org/" + "a".repeat(2048) + "\"" + secret)).isEqualTo(URL_RULE);
        assertThat(refused("{\"url\":\"https://example.org/\",\"secret\":\"short\"}")).isEqualTo(SECRET_RULE);
        assertThat(refused("{\"url\":\"https://example.org/\",\"secret\":\"0123456789\\nabcdef\"}"))
                .isEqualTo(SECRET_RULE);
        assertThat(refused("{}")).isEqualTo(SECRET_RULE + " " + URL_RULE);
        assertThat(refused("{\"url\":\"https://example.org/\",\"secret\":\"0123456789abcdef\",\"events\":[]}"))
                .isEqualTo("The field events is not part of this request.");
    }
}
