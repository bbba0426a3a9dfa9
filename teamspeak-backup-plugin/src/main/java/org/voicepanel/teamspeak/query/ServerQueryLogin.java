package org.voicepanel.teamspeak.query;

import java.util.List;
import org.voicepanel.api.ConnectionField;
import org.voicepanel.api.VoiceService;

/**
 * The connection fields of a {@code teamspeak3} service: a ServerQuery login on one virtual server.
 * The host checks them as declared here (docs/teamspeak.md); {@link QueryParameters} checks them once
 * more before they reach the wire.
 */
public final class ServerQueryLogin {

    public static final String QUERY_PORT = "query_port";
    public static final String QUERY_USERNAME = "query_username";
    public static final String QUERY_PASSWORD = "query_password";
    public static final String VIRTUAL_SERVER_ID = "virtual_server_id";

    /** In the order of the contract's examples; the login name is shown to admins only, as before. */
    public static final List<ConnectionField> FIELDS = List.of(
            ConnectionField.port(QUERY_PORT),
            ConnectionField.text(QUERY_USERNAME).withMaxLength(128).adminOnly(),
            ConnectionField.secret(QUERY_PASSWORD),
            ConnectionField.integer(VIRTUAL_SERVER_ID, 1, Integer.MAX_VALUE));

    private ServerQueryLogin() {
    }

    /** 0 when missing or not a number, which {@link QueryParameters} refuses. */
    static int queryPort(VoiceService service) {
        return number(service, QUERY_PORT);
    }

    /** Null when missing. */
    static String username(VoiceService service) {
        return service.field(QUERY_USERNAME).orElse(null);
    }

    /** Null when missing. */
    static String password(VoiceService service) {
        return service.field(QUERY_PASSWORD).orElse(null);
    }

    static int virtualServerId(VoiceService service) {
        return number(service, VIRTUAL_SERVER_ID);
    }

    private static int number(VoiceService service, String name) {
        try {
            return service.field(name).map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
