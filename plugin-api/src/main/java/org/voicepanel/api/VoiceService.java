package org.voicepanel.api;

import java.util.Objects;

/**
 * A panel service's voice server, handed to a provider with each call.
 *
 * @param serviceId the panel's id of the service
 * @param type the voice-server type, such as {@code "teamspeak3"}
 * @param host host name or address of the voice server's query interface
 * @param queryPort the query port
 * @param queryUsername the query login name
 * @param queryPassword the query password, decrypted for this call only; never log it
 * @param virtualServerId the virtual server on that instance
 * @param slots the slot count the customer pays for; a restore re-applies it
 * @since 1.0
 */
public record VoiceService(long serviceId, String type, String host, int queryPort, String queryUsername,
                           String queryPassword, int virtualServerId, int slots) {

    public VoiceService {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
    }

    /** Leaves the password out, so that logging a service never leaks it. */
    @Override
    public String toString() {
        return "VoiceService[serviceId=" + serviceId + ", type=" + type + ", host=" + host + ", queryPort="
                + queryPort + ", virtualServerId=" + virtualServerId + ", slots=" + slots + "]";
    }
}
