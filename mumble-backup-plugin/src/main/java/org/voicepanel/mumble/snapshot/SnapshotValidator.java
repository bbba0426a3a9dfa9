package org.voicepanel.mumble.snapshot;

import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.AclEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.BanEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.ChannelEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.GroupEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.UserEntry;

/**
 * The rules of docs/mumble.md that JSON alone does not state: one root, a tree without cycles, links and
 * members that exist, bounded counts and lengths, and no control character where Mumble keeps none.
 * Free text (descriptions, comments, setting values, ban reasons) may hold tabs and line breaks, as
 * Mumble's own multi-line HTML does; Ice sends every string with its length, so they change no command.
 * Thread-safe.
 */
final class SnapshotValidator {

    static final int MOST_ENTRIES = 100_000;
    private static final int LONGEST_NAME = 512;
    private static final int LONGEST_TEXT = 1 << 20;
    private static final int LARGEST_AVATAR = 1 << 20;
    private static final Pattern SETTING = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern CERTIFICATE_HASH = Pattern.compile("([0-9a-f]{40})?");
    private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{32}");

    void check(MumbleSnapshot snapshot) {
        require(MumbleSnapshot.FORMAT.equals(snapshot.format()), "its format is not " + MumbleSnapshot.FORMAT);
        require(snapshot.version() == MumbleSnapshot.VERSION, "its version " + snapshot.version()
                + " is not one this panel reads (" + MumbleSnapshot.VERSION + ")");
        checkSettings(snapshot.settings());
        Set<Integer> users = checkUsers(snapshot.users());
        checkChannels(snapshot.channels(), users);
        require(snapshot.bans().size() <= MOST_ENTRIES, "it has more than " + MOST_ENTRIES + " bans");
        snapshot.bans().forEach(SnapshotValidator::checkBan);
    }

    private static void checkSettings(Map<String, String> settings) {
        require(settings.size() <= 1000, "it has more than 1000 settings");
        settings.forEach((key, value) -> {
            require(SETTING.matcher(key).matches(), "a setting name is not letters, digits and underscores");
            require(!MumbleSnapshot.NOT_KEPT.contains(key), "it carries the setting " + key + ", which is never kept");
            text(value, "setting " + key);
        });
    }

    private static Set<Integer> checkUsers(List<UserEntry> users) {
        require(users.size() <= MOST_ENTRIES, "it has more than " + MOST_ENTRIES + " users");
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (UserEntry user : users) {
            require(user.id() > 0, "a user id is not positive (SuperUser is never kept)");
            require(ids.add(user.id()), "user id " + user.id() + " repeats");
            name(user.name(), "user " + user.id());
            require(names.add(user.name().toLowerCase()), "user name " + user.name() + " repeats");
            name(user.email(), "the e-mail of user " + user.id());
            text(user.comment(), "the comment of user " + user.id());
            require(CERTIFICATE_HASH.matcher(user.certificateHash()).matches(),
                    "the certificate hash of user " + user.id() + " is not 40 hex digits");
            checkAvatar(user);
        }
        return ids;
    }

    private static void checkAvatar(UserEntry user) {
        require(user.avatar().length() <= LARGEST_AVATAR * 4 / 3 + 4, "the avatar of user " + user.id()
                + " is larger than 1 MiB");
        try {
            Base64.getDecoder().decode(user.avatar());
        } catch (IllegalArgumentException e) {
            throw new SnapshotRejectedException("the avatar of user " + user.id() + " is not base64");
        }
    }

    private static void checkChannels(List<ChannelEntry> channels, Set<Integer> users) {
        require(!channels.isEmpty() && channels.size() <= MOST_ENTRIES,
                "it must have from 1 to " + MOST_ENTRIES + " channels");
        Map<Integer, ChannelEntry> byId = new HashMap<>();
        for (ChannelEntry channel : channels) {
            require(channel.id() >= 0, "a channel id is negative");
            require(byId.put(channel.id(), channel) == null, "channel id " + channel.id() + " repeats");
        }
        ChannelEntry root = byId.get(0);
        require(root != null && root.parent() == -1, "it has no root channel 0 without a parent");
        for (ChannelEntry channel : channels) {
            String where = "channel " + channel.id();
            require(channel.id() == 0 || byId.containsKey(channel.parent()), where + " has no parent in the snapshot");
            name(channel.name(), where);
            require(!channel.name().isBlank(), where + " has no name");
            text(channel.description(), "the description of " + where);
            require(channel.links().size() <= MOST_ENTRIES, where + " has too many links");
            channel.links().forEach(link -> require(byId.containsKey(link) && link != channel.id(),
                    where + " links to a channel that is not in the snapshot"));
            require(channel.acls().size() <= 1000 && channel.groups().size() <= 1000, where + " has too many ACLs");
            channel.acls().forEach(acl -> checkAcl(acl, users, where));
            channel.groups().forEach(group -> checkGroup(group, users, where));
        }
        requireTree(byId);
    }

    /** Every channel reaches the root through its parents, so a restore can create them parent first. */
    private static void requireTree(Map<Integer, ChannelEntry> byId) {
        Set<Integer> reaching = new HashSet<>(Set.of(0));
        for (ChannelEntry channel : byId.values()) {
            Set<Integer> path = new HashSet<>();
            int at = channel.id();
            while (!reaching.contains(at)) {
                require(path.add(at), "the channels' parents form a cycle");
                at = byId.get(at).parent();
            }
            reaching.addAll(path);
        }
    }

    private static void checkAcl(AclEntry acl, Set<Integer> users, String where) {
        if (acl.userId() == -1) {
            name(acl.group(), "an ACL group of " + where);
            require(!acl.group().isEmpty(), "an ACL entry of " + where + " names neither a user nor a group");
        } else {
            require(acl.userId() == 0 || users.contains(acl.userId()), "an ACL entry of " + where
                    + " names a user who is not in the snapshot");
            require(acl.group().isEmpty(), "an ACL entry of " + where + " names both a user and a group");
        }
    }

    private static void checkGroup(GroupEntry group, Set<Integer> users, String where) {
        name(group.name(), "a group of " + where);
        require(!group.name().isEmpty(), "a group of " + where + " has no name");
        require(group.add().size() + group.remove().size() <= MOST_ENTRIES, "group " + group.name() + " is too large");
        for (List<Integer> members : List.of(group.add(), group.remove())) {
            members.forEach(id -> require(id == 0 || users.contains(id), "group " + group.name() + " of " + where
                    + " names a user who is not in the snapshot"));
        }
    }

    private static void checkBan(BanEntry ban) {
        require(ADDRESS.matcher(ban.address()).matches(), "a ban address is not 32 hex digits");
        require(ban.bits() >= 0 && ban.bits() <= 128, "a ban's prefix length is not from 0 to 128");
        name(ban.name(), "a ban's user name");
        require(ban.hash().isEmpty() || CERTIFICATE_HASH.matcher(ban.hash()).matches(), "a ban's hash is not 40 hex digits");
        text(ban.reason(), "a ban's reason");
        require(ban.start() >= 0 && ban.duration() >= 0, "a ban's start or duration is negative");
    }

    private static void name(String value, String what) {
        require(value.length() <= LONGEST_NAME, what + " is longer than " + LONGEST_NAME + " characters");
        require(value.chars().noneMatch(Character::isISOControl), what + " contains a control character");
    }

    private static void text(String value, String what) {
        require(value.length() <= LONGEST_TEXT, what + " is longer than 1 MiB");
        require(value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'),
                what + " contains a control character");
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new SnapshotRejectedException(problem);
        }
    }
}
