package org.voicepanel.mumble.murmur;

import Murmur.ACL;
import Murmur.Ban;
import Murmur.Channel;
import Murmur.Group;
import Murmur.ServerPrx;
import Murmur.UserInfo;
import com.zeroc.Ice.UserException;
import java.util.EnumMap;
import java.util.Map;

/** Fills a virtual server with what a snapshot must keep: nested and linked channels, ACLs, groups, users, bans. */
public final class ServerSetup {

    /** A 16x16 PNG's first bytes are enough: murmurd keeps textures as given. */
    public static final byte[] AVATAR = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3, 4, 5, 6, 7, 8};

    private ServerSetup() {
    }

    public static void populate(ServerPrx server) throws UserException {
        int alice = register(server, "alice", "0123456789abcdef0123456789abcdef01234567");
        int bob = register(server, "bob", "");
        server.setTexture(alice, AVATAR);
        int lobby = server.addChannel("Lobby", 0);
        int games = server.addChannel("Games", 0);
        int quiet = server.addChannel("Quiet room", games);
        Channel lobbyState = server.getChannelState(lobby);
        lobbyState.description = "<b>Welcome</b>\nto the lobby";
        lobbyState.position = 3;
        lobbyState.links = new int[] {quiet};
        server.setChannelState(lobbyState);
        server.setACL(quiet, new ACL[] {
            new ACL(true, true, false, -1, "all", 0, 0x08),
            new ACL(true, false, false, alice, "", 0x08, 0)},
                new Group[] {new Group("speakers", false, true, true, new int[] {alice, bob}, new int[0], new int[0])},
                true);
        server.setBans(new Ban[] {new Ban(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3},
                128, "troll", "", "spamming", 1_700_000_000, 3600)});
        server.setConf("welcometext", "Hello from the populated server");
    }

    public static int register(ServerPrx server, String name, String certificateHash) throws UserException {
        Map<UserInfo, String> info = new EnumMap<>(UserInfo.class);
        info.put(UserInfo.UserName, name);
        info.put(UserInfo.UserEmail, name + "@example.org");
        info.put(UserInfo.UserComment, "comment of " + name);
        if (!certificateHash.isEmpty()) {
            info.put(UserInfo.UserHash, certificateHash);
        }
        return server.registerUser(info);
    }

    /** A change a user of the server could make: a new channel, a renamed one, a new user, a lifted ban. */
    public static void change(ServerPrx server) throws UserException {
        String suffix = Long.toString(System.nanoTime(), 36);
        int extra = server.addChannel("Added later " + suffix, 0);
        Channel state = server.getChannelState(extra);
        state.description = "not in the snapshot";
        server.setChannelState(state);
        register(server, "carol-" + suffix, "");
        server.setBans(new Ban[0]);
        server.setConf("welcometext", "Changed after the snapshot");
    }
}
