package org.voicepanel.mumble.server;

import Murmur.ACL;
import Murmur.Ban;
import Murmur.Channel;
import Murmur.Group;
import Murmur.ServerPrx;
import com.zeroc.Ice.UserException;
import Murmur.UserInfo;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.voicepanel.mumble.snapshot.MumbleSnapshot;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.AclEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.BanEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.ChannelEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.GroupEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.UserEntry;

/**
 * Replaces the content of a running virtual server with a snapshot's, in place (docs/mumble.md, restore):
 * registered users are matched by name (so those that stay keep their passwords) and the others
 * registered anew, channels are created afresh under the root, and ACLs and bans follow, each old id
 * mapped to the new one. Settings come first, as they hold the rules names must follow. The caller
 * applies the service's slots and restarts the server afterwards. Stateless.
 */
public final class ServerWriter {

    /** What the server took; {@link #newUsersWithoutCertificate} must set a new password. */
    public record Outcome(List<String> newUsersWithoutCertificate) {
    }

    public Outcome apply(ServerPrx server, MumbleSnapshot snapshot) throws UserException {
        // first: the name rules and limits among them decide which channels and users the server takes
        replaceSettings(server, snapshot.settings());
        Map<Integer, Integer> users = new HashMap<>(Map.of(0, 0));
        List<String> needPassword = replaceUsers(server, snapshot.users(), users);
        Map<Integer, Integer> channels = replaceChannels(server, snapshot.channels());
        Pipelined.call(snapshot.channels(), channel -> server.setACLAsync(channels.get(channel.id()),
                acls(channel.acls(), users), groups(channel.groups(), users), channel.inheritAcl()));
        server.setBans(snapshot.bans().stream().map(ServerWriter::ban).toArray(Ban[]::new));
        return new Outcome(needPassword);
    }

    private static List<String> replaceUsers(ServerPrx server, List<UserEntry> wanted, Map<Integer, Integer> ids)
            throws UserException {
        Map<String, Integer> existing = new HashMap<>();
        server.getRegisteredUsers("").forEach((id, name) -> {
            if (id != 0) {
                existing.put(name.toLowerCase(), id);
            }
        });
        Map<String, Integer> kept = new HashMap<>();
        for (UserEntry user : wanted) {
            Integer id = existing.remove(user.name().toLowerCase());
            if (id != null) {
                kept.put(user.name().toLowerCase(), id);
            }
        }
        for (int gone : existing.values()) {
            server.unregisterUser(gone);
        }
        List<String> needPassword = new ArrayList<>();
        for (UserEntry user : wanted) {
            Integer id = kept.get(user.name().toLowerCase());
            Map<UserInfo, String> info = new EnumMap<>(UserInfo.class);
            info.put(UserInfo.UserName, user.name());
            info.put(UserInfo.UserEmail, user.email());
            info.put(UserInfo.UserComment, user.comment());
            info.put(UserInfo.UserHash, user.certificateHash());
            if (id == null) {
                id = server.registerUser(info);
                if (user.certificateHash().isEmpty()) {
                    needPassword.add(user.name());
                }
            } else {
                server.updateRegistration(id, info);
            }
            server.setTexture(id, Base64.getDecoder().decode(user.avatar()));
            ids.put(user.id(), id);
        }
        return needPassword;
    }

    private static Map<Integer, Integer> replaceChannels(ServerPrx server, List<ChannelEntry> wanted)
            throws UserException {
        for (Channel channel : server.getChannels().values()) {
            // removing a top-level channel removes everything below it
            if (channel.id != 0 && channel.parent == 0) {
                server.removeChannel(channel.id);
            }
        }
        Map<Integer, List<ChannelEntry>> children = new HashMap<>();
        ChannelEntry root = null;
        for (ChannelEntry channel : wanted) {
            if (channel.id() == 0) {
                root = channel;
            } else {
                children.computeIfAbsent(channel.parent(), k -> new ArrayList<>()).add(channel);
            }
        }
        Map<Integer, Integer> ids = new HashMap<>(Map.of(0, 0));
        Deque<ChannelEntry> parentsFirst = new ArrayDeque<>(List.of(root));
        List<ChannelEntry> created = new ArrayList<>();
        while (!parentsFirst.isEmpty()) {
            ChannelEntry parent = parentsFirst.poll();
            for (ChannelEntry child : children.getOrDefault(parent.id(), List.of())) {
                ids.put(child.id(), server.addChannel(child.name(), ids.get(parent.id())));
                created.add(child);
                parentsFirst.add(child);
            }
        }
        Channel rootState = server.getChannelState(0);
        server.setChannelState(state(root, ids, rootState.name, -1));
        Pipelined.call(created, channel -> server.setChannelStateAsync(state(channel, ids, channel.name(),
                ids.get(channel.parent()))));
        return ids;
    }

    private static Channel state(ChannelEntry channel, Map<Integer, Integer> ids, String name, int parent) {
        int[] links = channel.links().stream().mapToInt(ids::get).toArray();
        return new Channel(ids.get(channel.id()), name, parent, links, channel.description(), false,
                channel.position());
    }

    private static ACL[] acls(List<AclEntry> entries, Map<Integer, Integer> users) {
        return entries.stream().map(acl -> new ACL(acl.applyHere(), acl.applySubs(), false,
                acl.userId() == -1 ? -1 : users.get(acl.userId()), acl.group(), acl.allow(), acl.deny()))
                .toArray(ACL[]::new);
    }

    private static Group[] groups(List<GroupEntry> entries, Map<Integer, Integer> users) {
        return entries.stream().map(group -> new Group(group.name(), false, group.inherit(), group.inheritable(),
                group.add().stream().mapToInt(users::get).toArray(),
                group.remove().stream().mapToInt(users::get).toArray(), new int[0]))
                .toArray(Group[]::new);
    }

    private static Ban ban(BanEntry ban) {
        return new Ban(HexFormat.of().parseHex(ban.address()), ban.bits(), ban.name(), ban.hash(), ban.reason(),
                (int) ban.start(), ban.duration());
    }

    /** Sets what differs, and clears what the snapshot does not have, so the server's defaults apply. */
    private static void replaceSettings(ServerPrx server, Map<String, String> wanted) throws UserException {
        Map<String, String> current = server.getAllConf();
        for (Map.Entry<String, String> setting : wanted.entrySet()) {
            if (!setting.getValue().equals(current.get(setting.getKey()))) {
                server.setConf(setting.getKey(), setting.getValue());
            }
        }
        for (String key : current.keySet()) {
            if (!wanted.containsKey(key) && !MumbleSnapshot.NOT_KEPT.contains(key)) {
                server.setConf(key, "");
            }
        }
    }
}
