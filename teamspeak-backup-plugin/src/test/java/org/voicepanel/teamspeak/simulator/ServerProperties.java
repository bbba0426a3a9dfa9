package org.voicepanel.teamspeak.simulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code virtualserver_*} properties a new server starts with, and which of them clients may change. One rule
 * for {@code serveredit} and for snapshot deploys, so both refuse the same values. Stateless and thread-safe.
 */
final class ServerProperties {

    static final String NAME = "virtualserver_name";
    static final String MAX_CLIENTS = "virtualserver_maxclients";

    /** Identity and runtime keys that neither {@code serveredit} nor a deploy may change. */
    static final Set<String> FIXED = Set.of("virtualserver_id", "virtualserver_port",
            "virtualserver_host", "virtualserver_status", "virtualserver_version", "virtualserver_platform",
            "virtualserver_uptime", "virtualserver_clientsonline", "virtualserver_channelsonline",
            "virtualserver_queryclientsonline", "virtualserver_created", "virtualserver_machine_id");

    private static final SecureRandom RANDOM = new SecureRandom();

    private ServerProperties() {
    }

    /** A fresh server's settings, as a new TeamSpeak 3 server has them; each server gets its own identity. */
    static Map<String, String> defaults() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("virtualserver_unique_identifier", randomUniqueIdentifier());
        properties.put(NAME, "TeamSpeak ]I[ Server");
        properties.put("virtualserver_welcomemessage",
                "Welcome to TeamSpeak, check [URL]www.teamspeak.com[/URL] for latest information");
        properties.put(MAX_CLIENTS, "32");
        properties.put("virtualserver_password", "");
        properties.put("virtualserver_hostmessage", "");
        properties.put("virtualserver_hostmessage_mode", "0");
        properties.put("virtualserver_reserved_slots", "0");
        properties.put("virtualserver_default_server_group", "8");
        properties.put("virtualserver_default_channel_group", "8");
        properties.put("virtualserver_codec_encryption_mode", "0");
        properties.put("virtualserver_autostart", "1");
        return properties;
    }

    /** Refuses keys outside {@code virtualserver_*}, fixed keys, and slot counts that are not a number ≥ 0. */
    static void checkEditable(String key, String value) throws QueryFailure {
        if (!key.startsWith("virtualserver_") || FIXED.contains(key)) {
            throw QueryStatus.INVALID_PARAMETER.withExtra("cannot change " + key).failure();
        }
        if (key.equals(MAX_CLIENTS)) {
            int slots;
            try {
                slots = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw QueryStatus.CONVERT_ERROR.failure();
            }
            if (slots < 0) {
                throw QueryStatus.INVALID_PARAMETER.withExtra("negative " + MAX_CLIENTS).failure();
            }
        }
    }

    private static String randomUniqueIdentifier() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
