package org.voicepanel.api;

import java.util.Objects;

/**
 * What the voice server says about itself. Immutable; made with {@link #of(String, int)}, and
 * {@link #withPort(int)} where the server reports the port voice clients connect to.
 *
 * @since 1.0 (a record until 2.0)
 */
public final class VoiceServerStatus {

    private final String status;
    private final int slots;
    private final int port;

    private VoiceServerStatus(String status, int slots, int port) {
        this.status = Objects.requireNonNull(status, "status");
        this.slots = slots;
        this.port = port;
    }

    /**
     * @param status as the server names it, such as {@code "online"} or {@code "offline"}
     * @param slots the slot count the server runs with
     */
    public static VoiceServerStatus of(String status, int slots) {
        return new VoiceServerStatus(status, slots, 0);
    }

    /** The same status, with the port voice clients connect to. */
    public VoiceServerStatus withPort(int port) {
        return new VoiceServerStatus(status, slots, port);
    }

    public String status() {
        return status;
    }

    public int slots() {
        return slots;
    }

    /** The port voice clients connect to, or 0 where the server does not say. */
    public int port() {
        return port;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VoiceServerStatus that && status.equals(that.status) && slots == that.slots
                && port == that.port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, slots, port);
    }

    @Override
    public String toString() {
        return "VoiceServerStatus[" + status + ", " + slots + " slots, port " + port + "]";
    }
}
