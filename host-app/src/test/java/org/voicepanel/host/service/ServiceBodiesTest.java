package org.voicepanel.host.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voicepanel.host.web.JsonBodies.checked;
import static org.voicepanel.host.web.JsonBodies.refusal;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host's own fields of a service body and of a status change; the connection fields are the plugin's. */
class ServiceBodiesTest {

    private static final String VOICE = "{\"owner_user_id\":3,\"name\":\"Clan\",\"voiceserver\":{\"type\":\"teamspeak3\","
            + "\"host\":\"127.0.0.1\",\"slots\":32,\"query_port\":10011,\"query_password\":\"secret\"}}";

    @Test
    void theFixedFieldsAreReadAndEveryOtherVoiceserverFieldIsLeftForThePlugin() {
        ServiceDraft.Body body = checked(VOICE, ServiceDraft.Body.class);

        assertThat(body.ownerUserId()).isEqualTo(3);
        assertThat(body.voiceserver().slots()).isEqualTo(32);
        assertThat(body.voiceserver().connection())
                .containsExactlyInAnyOrderEntriesOf(Map.of("query_port", 10011, "query_password", "secret"));
    }

    @Test
    void eachBadFixedFieldIsASentenceNamingIt() {
        assertThat(refusal(VOICE.replace("127.0.0.1", "127.0.0.1 ; rm"), ServiceDraft.Body.class))
                .isEqualTo("The field host must be a host name or IP address.");
        assertThat(refusal(VOICE.replace("\"slots\":32", "\"slots\":0").replace("teamspeak3", "TS3"),
                ServiceDraft.Body.class)).isEqualTo("The field slots must be a whole number from 1 to 1000000."
                + " The field type must be lower-case letters, digits and dashes.");
        assertThat(refusal(VOICE.replace("\"slots\":32", "\"slots\":1.5"), ServiceDraft.Body.class))
                .isEqualTo("The field voiceserver.slots must be a whole number.");
        assertThat(refusal(VOICE.replace("\"Clan\"", "\"\""), ServiceDraft.Body.class))
                .isEqualTo("The field name is required.");
        assertThat(refusal("{\"owner_user_id\":3,\"name\":\"Clan\"}", ServiceDraft.Body.class))
                .isEqualTo("A service needs owner_user_id, name and a voiceserver object.");
    }

    @Test
    void aStatusIsOneOfTheWireNames() {
        assertThat(ServiceStatusController.WIRE_NAMES.split("\\|"))
                .containsExactlyInAnyOrder(Arrays.stream(ServiceStatus.values()).map(ServiceStatus::wireName)
                        .toArray(String[]::new));
        assertThat(checked("{\"status\":\"adminlocked\"}", ServiceStatusController.NewStatus.class).status())
                .isEqualTo("adminlocked");
        assertThat(refusal("{\"status\":\"locked\"}", ServiceStatusController.NewStatus.class))
                .isEqualTo("The field status must be one of active, suspended or adminlocked.");
        assertThat(refusal("{}", ServiceStatusController.NewStatus.class))
                .isEqualTo("The field status must be one of active, suspended or adminlocked.");
    }
}
