package org.voicepanel.mumble.murmur;

import Murmur.ServerPrx;
import com.zeroc.Ice.UserException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.voicepanel.mumble.server.ServerReader;
import org.voicepanel.mumble.snapshot.MumbleSnapshot;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.ChannelEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.UserEntry;

/**
 * What a virtual server holds, without the ids murmurd renumbers: channels by their path of names,
 * links and ACL users and group members by name. Two servers with equal content back up to snapshots
 * that differ only in ids. For tests.
 */
public final class ServerContent {

    private ServerContent() {
    }

    public static Map<String, Object> of(ServerPrx server) {
        try {
            return of(new ServerReader().read(server));
        } catch (UserException e) {
            throw new IllegalStateException("murmurd refused to be read", e);
        }
    }

    public static Map<String, Object> of(MumbleSnapshot snapshot) {
        Map<Integer, String> userNames = new HashMap<>(Map.of(0, "SuperUser"));
        Map<String, Object> users = new TreeMap<>();
        for (UserEntry user : snapshot.users()) {
            userNames.put(user.id(), user.name());
            users.put(user.name(), List.of(user.email(), user.comment(), user.certificateHash(), user.avatar()));
        }
        Map<Integer, ChannelEntry> byId = new HashMap<>();
        snapshot.channels().forEach(channel -> byId.put(channel.id(), channel));
        Map<String, Object> channels = new TreeMap<>();
        for (ChannelEntry channel : snapshot.channels()) {
            channels.put(path(channel, byId), List.of(channel.description(), channel.position(),
                    new TreeSet<>(channel.links().stream().map(id -> path(byId.get(id), byId)).toList()),
                    channel.inheritAcl(),
                    channel.acls().stream().map(acl -> List.of(acl.applyHere(), acl.applySubs(),
                            acl.userId() == -1 ? "@" + acl.group() : userNames.get(acl.userId()), acl.allow(),
                            acl.deny())).toList(),
                    channel.groups().stream().map(group -> List.of(group.name(), group.inherit(), group.inheritable(),
                            group.add().stream().map(userNames::get).sorted().toList(),
                            group.remove().stream().map(userNames::get).sorted().toList())).toList()));
        }
        Map<String, Object> content = new TreeMap<>();
        content.put("settings", snapshot.settings());
        content.put("users", users);
        content.put("channels", channels);
        content.put("bans", snapshot.bans());
        return content;
    }

    private static String path(ChannelEntry channel, Map<Integer, ChannelEntry> byId) {
        return channel.id() == 0 ? "" : path(byId.get(channel.parent()), byId) + "/" + channel.name();
    }
}
