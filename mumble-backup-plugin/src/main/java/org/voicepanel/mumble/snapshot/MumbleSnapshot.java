package org.voicepanel.mumble.snapshot;

import java.util.List;
import java.util.Map;

/**
 * A Mumble virtual server as the panel keeps it: the format of docs/mumble.md, version 1. Ids are the
 * server's at the time of the snapshot; a restore maps them to the ids the server hands out then.
 *
 * @param settings the virtual server's settings ({@code getAllConf}) except those of {@link #NOT_KEPT}
 */
public record MumbleSnapshot(String format, int version, Map<String, String> settings, List<ChannelEntry> channels,
                             List<UserEntry> users, List<BanEntry> bans) {

    public static final String FORMAT = "voice-panel-mumble";
    public static final int VERSION = 1;
    /** The name kept with each stored file (the store's format column). */
    public static final String STORED_FORMAT = "mumble-v1";

    /**
     * Settings a snapshot never carries: where the server listens, its TLS identity (the private key
     * is not readable over Ice in a usable way and must not travel in a file), and nothing else.
     */
    public static final List<String> NOT_KEPT = List.of("host", "port", "key", "certificate", "passphrase",
            "sslpassphrase");

    /** A channel with its ACL; the root channel has id 0 and parent -1. */
    public record ChannelEntry(int id, int parent, String name, String description, int position,
                               List<Integer> links, boolean inheritAcl, List<AclEntry> acls,
                               List<GroupEntry> groups) {
    }

    /** One ACL entry defined on the channel itself; {@code userId} is -1 when it is about {@code group}. */
    public record AclEntry(boolean applyHere, boolean applySubs, int userId, String group, int allow, int deny) {
    }

    /** A group defined (or changed) on the channel itself; members are registered user ids. */
    public record GroupEntry(String name, boolean inherit, boolean inheritable, List<Integer> add,
                             List<Integer> remove) {
    }

    /**
     * A registered user other than SuperUser. Passwords are not readable over Ice and are not kept.
     *
     * @param certificateHash the SHA-1 of the user's certificate, lower-case hex, or empty
     * @param avatar the user's texture, base64, or empty
     */
    public record UserEntry(int id, String name, String email, String comment, String certificateHash,
                            String avatar) {
    }

    /**
     * A ban.
     *
     * @param address the 16 bytes of the address (IPv4 as ::ffff:a.b.c.d), lower-case hex
     * @param bits the prefix length that is banned, 0 to 128
     */
    public record BanEntry(String address, int bits, String name, String hash, String reason, long start,
                           int duration) {
    }
}
