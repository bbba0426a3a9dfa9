package org.voicepanel.api;

import java.util.Objects;

/**
 * What the voice server says about itself. Immutable; made with {@link #of(String, int)}.
 *
 * @since 1.0 (a record until 2.0)
 */
public final class VoiceServerStatus {

    private final String status;
    private final int slots;

    private VoiceServerStatus(String status, int slots) {
        this.status = Objects.requireNonNull(status, "status");
        this.slots = slots;
    }

    /**
     * @param status as the server names it, such as {@code "online"} or {@code "offline"}
     * @param slots the slot count the server runs with
     */
    public static VoiceServerStatus of(String status, int slots) {
        return new VoiceServerStatus(status, slots);
    }

    public String status() {
        return status;
    }

    public int slots() {
        return slots;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VoiceServerStatus that && status.equals(that.status) && slots == that.slots;
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, slots);
    }

    @Override
    public String toString() {
        return "VoiceServerStatus[" + status + ", " + slots + " slots]";
    }
}
