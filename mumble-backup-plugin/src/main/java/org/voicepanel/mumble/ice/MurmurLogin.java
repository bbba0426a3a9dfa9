package org.voicepanel.mumble.ice;

import java.util.List;
import org.voicepanel.api.ConnectionField;
import org.voicepanel.api.VoiceService;

/**
 * The connection fields of a {@code mumble} service: murmurd's Ice endpoint on the service's host, the
 * secret murmurd demands ({@code icesecretwrite}) and the virtual server (docs/mumble.md).
 */
public final class MurmurLogin {

    public static final String ICE_PORT = "ice_port";
    public static final String ICE_SECRET = "ice_secret";
    public static final String VIRTUAL_SERVER_ID = "virtual_server_id";

    public static final List<ConnectionField> FIELDS = List.of(
            ConnectionField.port(ICE_PORT),
            ConnectionField.secret(ICE_SECRET).optional(),
            ConnectionField.integer(VIRTUAL_SERVER_ID, 1, Integer.MAX_VALUE));

    private MurmurLogin() {
    }

    static int icePort(VoiceService service) {
        return service.integer(ICE_PORT);
    }

    static String secret(VoiceService service) {
        return service.field(ICE_SECRET).orElse("");
    }

    public static int virtualServerId(VoiceService service) {
        return service.integer(VIRTUAL_SERVER_ID);
    }

    /** For messages: host and port, never the secret. */
    public static String where(VoiceService service) {
        return service.host() + ":" + service.field(ICE_PORT).orElse("?");
    }
}
