package org.voicepanel.api;

import java.util.Objects;

/**
 * What the voice server says about itself.
 *
 * @param status as the server names it, such as {@code "online"} or {@code "offline"}
 * @param slots the slot count the server runs with
 * @param port the port voice clients connect to, or 0 where the server does not say
 * @since 1.0
 */
public record VoiceServerStatus(String status, int slots, int port) {

    public VoiceServerStatus {
        Objects.requireNonNull(status, "status");
    }

    /** A status without the voice port, for servers that do not report it. */
    public VoiceServerStatus(String status, int slots) {
        this(status, slots, 0);
    }
}
