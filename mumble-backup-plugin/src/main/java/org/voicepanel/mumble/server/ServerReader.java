package org.voicepanel.mumble.server;

import Murmur.ACL;
import Murmur.Ban;
import Murmur.Channel;
import Murmur.Group;
import Murmur.Server;
import Murmur.ServerPrx;
import com.zeroc.Ice.UserException;
import Murmur.UserInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.voicepanel.mumble.snapshot.MumbleSnapshot;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.AclEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.BanEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.ChannelEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.GroupEntry;
import org.voicepanel.mumble.snapshot.MumbleSnapshot.UserEntry;

/**
 * Reads a running virtual server into a {@link MumbleSnapshot}: its settings, the permanent channels
 * with their own ACL entries and groups, the registered users but SuperUser, and the bans. Everything
 * comes out in id order, so two reads of one server give equal snapshots. Stateless.
 */
public final class ServerReader {

    public MumbleSnapshot read(ServerPrx server) throws UserException {
        Map<String, String> settings = new TreeMap<>(server.getAllConf());
        MumbleSnapshot.NOT_KEPT.forEach(settings::remove);
        return new MumbleSnapshot(MumbleSnapshot.FORMAT, MumbleSnapshot.VERSION, settings, channels(server),
                users(server), bans(server));
    }

    private static List<ChannelEntry> channels(ServerPrx server) throws UserException {
        List<Channel> permanent = server.getChannels().values().stream().filter(channel -> !channel.temporary)
                .sorted(Comparator.comparingInt(channel -> channel.id)).toList();
        List<Server.GetACLResult> acls = Pipelined.call(permanent, channel -> server.getACLAsync(channel.id));
        List<ChannelEntry> channels = new ArrayList<>(permanent.size());
        for (int i = 0; i < permanent.size(); i++) {
            channels.add(channel(permanent.get(i), acls.get(i)));
        }
        return channels;
    }

    private static ChannelEntry channel(Channel channel, Server.GetACLResult acl) {
        List<AclEntry> acls = Arrays.stream(acl.acls).filter(entry -> !entry.inherited).map(ServerReader::acl).toList();
        List<GroupEntry> groups = Arrays.stream(acl.groups).filter(group -> !group.inherited)
                .sorted(Comparator.comparing(group -> group.name)).map(ServerReader::group).toList();
        int[] links = channel.links.clone();
        Arrays.sort(links);
        return new ChannelEntry(channel.id, channel.id == 0 ? -1 : channel.parent, channel.name,
                nonNull(channel.description), channel.position, Arrays.stream(links).boxed().toList(), acl.inherit,
                acls, groups);
    }

    private static AclEntry acl(ACL acl) {
        return new AclEntry(acl.applyHere, acl.applySubs, acl.userid, acl.userid == -1 ? nonNull(acl.group) : "",
                acl.allow, acl.deny);
    }

    private static GroupEntry group(Group group) {
        return new GroupEntry(group.name, group.inherit, group.inheritable, sorted(group.add), sorted(group.remove));
    }

    private static List<UserEntry> users(ServerPrx server) throws UserException {
        List<UserEntry> users = new ArrayList<>();
        for (int id : new TreeMap<>(server.getRegisteredUsers("")).keySet()) {
            if (id == 0) {
                continue;
            }
            Map<UserInfo, String> info = server.getRegistration(id);
            byte[] texture = server.getTexture(id);
            users.add(new UserEntry(id, nonNull(info.get(UserInfo.UserName)), nonNull(info.get(UserInfo.UserEmail)),
                    nonNull(info.get(UserInfo.UserComment)), nonNull(info.get(UserInfo.UserHash)).toLowerCase(),
                    texture == null || texture.length == 0 ? "" : Base64.getEncoder().encodeToString(texture)));
        }
        return users;
    }

    private static List<BanEntry> bans(ServerPrx server) throws UserException {
        List<BanEntry> bans = new ArrayList<>();
        for (Ban ban : server.getBans()) {
            bans.add(new BanEntry(HexFormat.of().formatHex(ban.address), ban.bits, nonNull(ban.name),
                    nonNull(ban.hash).toLowerCase(), nonNull(ban.reason), Integer.toUnsignedLong(ban.start),
                    ban.duration));
        }
        return bans;
    }

    private static List<Integer> sorted(int[] ids) {
        return Arrays.stream(ids).sorted().boxed().toList();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
