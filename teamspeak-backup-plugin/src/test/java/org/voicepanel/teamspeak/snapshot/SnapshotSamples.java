package org.voicepanel.teamspeak.snapshot;

import com.github.luben.zstd.Zstd;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Builds snapshots the way a TeamSpeak server writes them (docs/teamspeak.md 2.2), for tests that
 * need realistic payloads without a server.
 */
public final class SnapshotSamples {

    private SnapshotSamples() {
    }

    /** The record text of a small server: properties, channels, one client, permissions. */
    public static String records(String serverName, int channels) {
        StringBuilder text = new StringBuilder();
        text.append("virtualserver_name=").append(escape(serverName))
                .append(" virtualserver_maxclients=32 virtualserver_welcomemessage=Welcome\\sto\\s[b]us[\\/b]"
                        + " virtualserver_password end_virtualserver");
        for (int id = 1; id <= channels; id++) {
            text.append('|');
            if (id == 1) {
                text.append("begin_channels ");
            }
            text.append("channel_id=").append(id).append(" channel_pid=0 channel_order=").append(id - 1)
                    .append(" channel_name=Channel\\s").append(id).append(" channel_topic channel_description=Größe\\s")
                    .append(id).append(" channel_flag_permanent=1");
        }
        text.append("|end_channels");
        text.append("|begin_clients client_id=2 client_unique_id=xXRJDY5ve3pNPLkWaR1ZtNQ0vAY= client_nickname=Owner");
        text.append("|end_clients");
        text.append("|begin_permissions|server_groups id=6 name=Server\\sAdmin|permid=b_virtualserver_snapshot_deploy"
                + " permvalue=1 permskip=0 permnegated=0|end_group|end_groups|begin_relations cldbid=2 gid=6"
                + "|end_relations|end_permissions");
        return text.toString();
    }

    public static String records() {
        return records("My Server", 3);
    }

    /** {@code hash=<base64 sha1 of the records>|<records>}, the hash escaped as the server escapes it. */
    public static String legacy(String records) {
        return "hash=" + escapedBase64(sha1(records.getBytes(StandardCharsets.UTF_8))) + "|" + records;
    }

    public static String legacy() {
        return legacy(records());
    }

    public static String version2(String records) {
        return "version=2|" + escapedBase64(Zstd.compress(records.getBytes(StandardCharsets.UTF_8)));
    }

    public static String version2() {
        return version2(records());
    }

    public static String version3(String records) {
        return "version=3 data=" + escapedBase64(Zstd.compress(records.getBytes(StandardCharsets.UTF_8)));
    }

    public static String version3() {
        return version3(records());
    }

    /** Base64 with every {@code /} sent as {@code \/}, as ServerQuery escapes values. */
    public static String escapedBase64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes).replace("/", "\\/");
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("/", "\\/").replace(" ", "\\s").replace("|", "\\p");
    }

    static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
