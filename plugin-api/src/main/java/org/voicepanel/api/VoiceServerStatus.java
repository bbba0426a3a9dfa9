package org.voicepanel.api;

import java.util.Objects;

/**
 * What the voice server says about itself.
 *
 * @param status as the server names it, such as {@code "online"} or {@code "offline"}
 * @param slots the slot count the server runs with
 * @since 1.0
 */
public record VoiceServerStatus(String status, int slots) {

    public VoiceServerStatus {
        Objects.requireNonNull(status, "status");
    }
}
