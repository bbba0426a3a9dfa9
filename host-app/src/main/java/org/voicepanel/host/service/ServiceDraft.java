package org.voicepanel.host.service;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.voicepanel.host.web.RequestBodies;

/**
 * A service as an admin submits it: what every voice-server type has, checked by Bean Validation on {@link Body},
 * and the type's own connection fields, checked by {@link ConnectionFields} as its provider declared them.
 * Connection data ends up on a voice server's wire, so control characters are refused everywhere.
 *
 * @param fields the type's connection fields, checked as its provider declared them
 */
public record ServiceDraft(long ownerUserId, String name, String type, String host, int slots,
                           SubmittedFields fields) {

    private static final String NAME_RULE = "The field name must be text of at most 128 characters, without control"
            + " characters.";
    private static final String SLOTS_RULE = "The field slots must be a whole number from 1 to 1000000.";

    /** The JSON body of {@code POST /admin/services} and {@code PUT /admin/services/{id}}. */
    record Body(
            @JsonProperty("owner_user_id") @NotNull(message = "The field owner_user_id is required.")
            @Min(value = 1, message = "The field owner_user_id must be a user id (a whole number of 1 or more).")
            Long ownerUserId,
            @NotBlank(message = "The field name is required.") @Size(max = 128, message = NAME_RULE)
            @Pattern(regexp = RequestBodies.NO_CONTROL_CHARACTERS, message = NAME_RULE) String name,
            @NotNull(message = "A service needs owner_user_id, name and a voiceserver object.") @Valid
            VoiceServer voiceserver) {
    }

    /**
     * The {@code voiceserver} object: its fixed fields here; every other field goes to {@code connection}, for the
     * type's provider declares those at run time, which no annotation can say ({@link ConnectionFields} reads them).
     */
    record VoiceServer(
            @NotBlank(message = "The field type is required.")
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}",
                    message = "The field type must be lower-case letters, digits and dashes.") String type,
            @NotBlank(message = "The field host is required.")
            @Pattern(regexp = "[A-Za-z0-9.:\\[\\]-]{1,255}",
                    message = "The field host must be a host name or IP address.") String host,
            @NotNull(message = "The field slots is required.") @Min(value = 1, message = SLOTS_RULE)
            @Max(value = 1_000_000, message = SLOTS_RULE) Integer slots,
            @JsonAnySetter @Schema(hidden = true) Map<String, Object> connection) {
    }

    /** The draft of a body that passed {@link RequestBodies}; {@code creating} is false for edits. */
    static ServiceDraft from(Body body, boolean creating, ConnectionFields declared) {
        VoiceServer vs = body.voiceserver();
        return new ServiceDraft(body.ownerUserId(), body.name(), vs.type(), vs.host(), vs.slots(),
                declared.read(vs.type(), vs.connection() == null ? Map.of() : vs.connection(), creating));
    }
}
