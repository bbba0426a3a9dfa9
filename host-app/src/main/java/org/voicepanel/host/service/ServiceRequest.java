package org.voicepanel.host.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The JSON body of {@code POST} and {@code PUT /admin/services}, checked by Bean Validation; every message is a
 * sentence for the person who sent it. Connection data ends up on the voice server's query wire, so control
 * characters (line breaks included) are refused here already.
 */
record ServiceRequest(
        @JsonProperty("owner_user_id")
        @NotNull(message = "The owner (owner_user_id) is required.")
        @Positive(message = "The owner (owner_user_id) is a user id, a positive whole number.")
        Long ownerUserId,

        @NotBlank(message = "The service's name is required.")
        @Size(max = 128, message = "The service's name is at most 128 characters long.")
        @Pattern(regexp = NO_CONTROL, message = "The service's name must not contain control characters.")
        String name,

        @NotNull(message = "The voice server (voiceserver) is required.")
        @Valid
        VoiceServer voiceserver) {

    /** No C0 or C1 control character, and no Unicode line or paragraph separator. */
    static final String NO_CONTROL = "[^\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]*";

    /** Validation group of {@code POST}: a new service needs its query password. */
    interface Creating {
    }

    record VoiceServer(
            @NotBlank(message = "The voice-server type is required.")
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}",
                    message = "The voice-server type is 1 to 64 lower-case letters, digits and dashes.")
            String type,

            @NotBlank(message = "The host is required.")
            @Pattern(regexp = "[A-Za-z0-9.:\\[\\]-]{1,255}", message = "The host must be a host name or an IP address.")
            String host,

            @JsonProperty("query_port")
            @NotNull(message = "The query port is required.")
            @Positive(message = "The query port is a whole number from 1 to 65535.")
            @Max(value = 65535, message = "The query port is a whole number from 1 to 65535.")
            Integer queryPort,

            @JsonProperty("query_username")
            @NotBlank(message = "The query user name is required.")
            @Size(max = 128, message = "The query user name is at most 128 characters long.")
            @Pattern(regexp = NO_CONTROL, message = "The query user name must not contain control characters.")
            String queryUsername,

            @JsonProperty("query_password")
            @NotNull(groups = Creating.class, message = "The query password is required.")
            @Size(max = 255, message = "The query password is at most 255 characters long.")
            @Pattern(regexp = NO_CONTROL, message = "The query password must not contain control characters.")
            String queryPassword,

            @JsonProperty("virtual_server_id")
            @NotNull(message = "The virtual server id (virtual_server_id) is required.")
            @Positive(message = "The virtual server id (virtual_server_id) is a positive whole number.")
            Integer virtualServerId,

            @NotNull(message = "The slot count (slots) is required.")
            @Positive(message = "The slot count (slots) is a whole number from 1 to 1000000.")
            @Max(value = 1_000_000, message = "The slot count (slots) is a whole number from 1 to 1000000.")
            Integer slots) {
    }

    /** The checked body as the store takes it; a null password keeps the stored one (edits). */
    ServiceDraft draft() {
        return new ServiceDraft(ownerUserId, name, voiceserver.type(), voiceserver.host(), voiceserver.queryPort(),
                voiceserver.queryUsername(), voiceserver.queryPassword(), voiceserver.virtualServerId(),
                voiceserver.slots());
    }
}
