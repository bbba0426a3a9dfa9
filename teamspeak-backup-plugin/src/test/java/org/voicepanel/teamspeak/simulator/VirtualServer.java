package org.voicepanel.teamspeak.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One simulated virtual server: its properties, channels and running state. Tests read and change it directly;
 * query commands ({@code serveredit}, {@code serverstop}, snapshot deploys) change it over the wire.
 *
 * <p>Thread-safe: every method locks the instance, so a deploy replaces name, slots and channels atomically.
 */
public final class VirtualServer {

    private static final char[] DESCRIPTION_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private final int id;
    private final int port;
    private final long createdEpochSeconds = System.currentTimeMillis() / 1000;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<Channel> channels = new ArrayList<>();
    private int nextChannelId = 1;
    private boolean online;
    private int startCount;
    private int stopCount;

    VirtualServer(int id, int port) {
        this.id = id;
        this.port = port;
        properties.putAll(ServerProperties.defaults());
        online = true;
        addChannel("Default Channel");
        addChannel("Lobby");
        addChannel("Gaming");
        addChannel("AFK");
    }

    int id() {
        return id;
    }

    int port() {
        return port;
    }

    /** {@code virtualserver_name}. */
    public synchronized String name() {
        return properties.get(ServerProperties.NAME);
    }

    public synchronized void name(String name) {
        properties.put(ServerProperties.NAME, name);
    }

    /** {@code virtualserver_maxclients}, the slot count. */
    public synchronized int maxClients() {
        return Integer.parseInt(properties.get(ServerProperties.MAX_CLIENTS));
    }

    public synchronized void maxClients(int slots) {
        properties.put(ServerProperties.MAX_CLIENTS, Integer.toString(slots));
    }

    /** Channel names in tree order. */
    public synchronized List<String> channelNames() {
        return channels.stream().map(Channel::name).toList();
    }

    /** Adds a top-level channel with an empty description. */
    public synchronized void addChannel(String name) {
        channels.add(new Channel(nextChannelId++, 0, name, ""));
    }

    /**
     * Adds {@code count} channels whose descriptions are {@code descriptionBytes} random characters, so that
     * compression cannot shrink them much and thousands of channels make a multi-megabyte snapshot.
     */
    public synchronized void addChannels(int count, int descriptionBytes) {
        for (int i = 0; i < count; i++) {
            int channelId = nextChannelId++;
            channels.add(new Channel(channelId, 0, "Channel " + channelId, randomText(descriptionBytes)));
        }
    }

    /** {@code "online"} or {@code "offline"}, the values of {@code virtualserver_status}. */
    public synchronized String status() {
        return online ? "online" : "offline";
    }

    /** How many {@code serverstart} commands started this server. */
    public synchronized int startCount() {
        return startCount;
    }

    /** How many {@code serverstop} commands stopped this server. */
    public synchronized int stopCount() {
        return stopCount;
    }

    synchronized boolean isOnline() {
        return online;
    }

    synchronized void start() throws QueryFailure {
        if (online) {
            throw QueryStatus.SERVER_RUNNING.failure();
        }
        online = true;
        startCount++;
    }

    synchronized void stop() throws QueryFailure {
        if (!online) {
            throw QueryStatus.SERVER_NOT_RUNNING.failure();
        }
        online = false;
        stopCount++;
    }

    synchronized List<Channel> channels() {
        return List.copyOf(channels);
    }

    /** All properties as {@code serverinfo} shows them, runtime values included. */
    synchronized Map<String, String> info() {
        Map<String, String> info = new LinkedHashMap<>(properties);
        info.put("virtualserver_platform", "Linux");
        info.put("virtualserver_version", "3.13.7 [Build: 1655727713]");
        info.put("virtualserver_clientsonline", online ? "1" : "0");
        info.put("virtualserver_queryclientsonline", online ? "1" : "0");
        info.put("virtualserver_channelsonline", Integer.toString(channels.size()));
        info.put("virtualserver_created", Long.toString(createdEpochSeconds));
        info.put("virtualserver_uptime", online ? Long.toString(System.currentTimeMillis() / 1000
                - createdEpochSeconds) : "0");
        info.put("virtualserver_machine_id", "");
        info.put("virtualserver_status", status());
        info.put("virtualserver_id", Integer.toString(id));
        info.put("virtualserver_port", Integer.toString(port));
        return info;
    }

    /** Applies {@code serveredit} pairs after checking all of them, so a bad pair changes nothing. */
    synchronized void edit(Map<String, String> changes) throws QueryFailure {
        for (Map.Entry<String, String> change : changes.entrySet()) {
            ServerProperties.checkEditable(change.getKey(), change.getValue());
        }
        properties.putAll(changes);
    }

    synchronized SnapshotContent capture() {
        return new SnapshotContent(properties, channels);
    }

    /**
     * Replaces properties and channels with a snapshot's. Channels get fresh ids, as on a real server; the returned
     * map gives each old id its new one, in snapshot order (the {@code -mapping} reply).
     */
    synchronized Map<Integer, Integer> restore(SnapshotContent content) {
        Map<String, String> restored = new LinkedHashMap<>(content.serverProperties());
        ServerProperties.FIXED.forEach(restored::remove);
        properties.putAll(restored);
        Map<Integer, Integer> newIds = new LinkedHashMap<>();
        List<Channel> replaced = new ArrayList<>();
        for (Channel channel : content.channels()) {
            int newId = nextChannelId++;
            newIds.put(channel.id(), newId);
            int newParent = channel.parentId() == 0 ? 0 : newIds.get(channel.parentId());
            replaced.add(new Channel(newId, newParent, channel.name(), channel.description()));
        }
        channels.clear();
        channels.addAll(replaced);
        return newIds;
    }

    private static String randomText(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = DESCRIPTION_ALPHABET[random.nextInt(DESCRIPTION_ALPHABET.length)];
        }
        return new String(text);
    }
}
