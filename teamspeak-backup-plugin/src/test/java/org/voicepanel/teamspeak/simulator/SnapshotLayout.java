package org.voicepanel.teamspeak.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record stream inside every snapshot dialect (the whole legacy payload, or the decompressed v2/v3 data):
 * server properties ending in {@code end_virtualserver}, then {@code begin_channels}…{@code end_channels},
 * {@code begin_clients}…{@code end_clients} and {@code begin_permissions}…{@code end_permissions}
 * (docs/teamspeak.md 2.2, modelled on TeaSpeak's TS3-compatible writer).
 *
 * <p>Parsing is strict so that a damaged snapshot is refused instead of half-restored. Stateless and thread-safe.
 */
final class SnapshotLayout {

    private SnapshotLayout() {
    }

    /** The escaped record text for a server's content. */
    static String write(SnapshotContent content) {
        List<QueryRecord> records = new ArrayList<>();
        records.add(new QueryRecord().putAll(content.serverProperties()).mark("end_virtualserver"));
        writeChannels(content.channels(), records);
        records.add(new QueryRecord().mark("begin_clients").put("client_id", 2)
                .put("client_unique_id", "xXRJDY5ve3pNPLkWaR1ZtNQ0vAY=").put("client_nickname", "Owner")
                .put("client_created", 1_600_000_000).put("client_description", ""));
        records.add(new QueryRecord().mark("end_clients"));
        writePermissions(records);
        return QueryRecord.formatAll(records);
    }

    private static void writeChannels(List<Channel> channels, List<QueryRecord> records) {
        Map<Integer, Integer> lastChildOf = new LinkedHashMap<>();
        boolean first = true;
        for (Channel channel : channels) {
            QueryRecord record = new QueryRecord();
            if (first) {
                record.mark("begin_channels");
            }
            // channel_order names the sibling this channel sorts after, as in TeamSpeak
            int order = lastChildOf.getOrDefault(channel.parentId(), 0);
            lastChildOf.put(channel.parentId(), channel.id());
            records.add(record.put("channel_id", channel.id()).put("channel_pid", channel.parentId())
                    .put("channel_order", order).put("channel_name", channel.name()).put("channel_topic", "")
                    .put("channel_description", channel.description()).put("channel_flag_permanent", 1)
                    .put("channel_flag_default", first ? 1 : 0).put("channel_codec", 4)
                    .put("channel_codec_quality", 6).put("channel_maxclients", -1)
                    .put("channel_maxfamilyclients", -1));
            first = false;
        }
        if (first) {
            records.add(new QueryRecord().mark("begin_channels"));
        }
        records.add(new QueryRecord().mark("end_channels"));
    }

    private static void writePermissions(List<QueryRecord> records) {
        records.add(new QueryRecord().mark("begin_permissions"));
        records.add(new QueryRecord().mark("server_groups").put("id", 6).put("name", "Server Admin"));
        records.add(permission("b_virtualserver_snapshot_create", 1));
        records.add(permission("b_virtualserver_snapshot_deploy", 1));
        records.add(new QueryRecord().mark("end_group"));
        records.add(new QueryRecord().put("id", 8).put("name", "Guest"));
        records.add(permission("b_channel_join_permanent", 1));
        records.add(new QueryRecord().mark("end_group"));
        records.add(new QueryRecord().mark("end_groups"));
        records.add(new QueryRecord().mark("begin_relations").put("cldbid", 2).put("gid", 6));
        records.add(new QueryRecord().mark("end_relations"));
        records.add(new QueryRecord().mark("channel_groups").put("id", 5).put("name", "Channel Admin"));
        records.add(permission("b_channel_modify_name", 1));
        records.add(new QueryRecord().mark("end_group"));
        records.add(new QueryRecord().mark("end_groups"));
        records.add(new QueryRecord().mark("begin_relations"));
        records.add(new QueryRecord().mark("end_relations"));
        for (String flat : List.of("client_flat", "channel_flat", "channel_client_flat")) {
            records.add(new QueryRecord().mark(flat));
            records.add(new QueryRecord().mark("end_flat"));
        }
        records.add(new QueryRecord().mark("end_permissions"));
    }

    private static QueryRecord permission(String name, int value) {
        return new QueryRecord().put("permid", name).put("permvalue", value).put("permskip", 0)
                .put("permnegated", 0);
    }

    /** Reads escaped record text back; any structural damage is an {@link InvalidSnapshotException}. */
    static SnapshotContent parse(String text) throws InvalidSnapshotException {
        List<QueryRecord> records = QueryRecord.parseAll(text);
        Map<String, String> properties = serverProperties(records.get(0));
        int next = 1;
        List<Channel> channels = new ArrayList<>();
        next = channels(records, next, channels);
        next = skipSection(records, next, "begin_clients", "end_clients");
        next = skipSection(records, next, "begin_permissions", "end_permissions");
        if (next != records.size()) {
            throw new InvalidSnapshotException("unexpected data after end_permissions");
        }
        return new SnapshotContent(properties, channels);
    }

    private static Map<String, String> serverProperties(QueryRecord record) throws InvalidSnapshotException {
        if (!record.has("end_virtualserver")) {
            throw new InvalidSnapshotException("missing virtual server end token");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : record.keys()) {
            if (key.startsWith("virtualserver_")) {
                properties.put(key, record.get(key));
            }
        }
        if (!properties.containsKey(ServerProperties.NAME)) {
            throw new InvalidSnapshotException("missing " + ServerProperties.NAME);
        }
        String slots = properties.get(ServerProperties.MAX_CLIENTS);
        try {
            ServerProperties.checkEditable(ServerProperties.MAX_CLIENTS, slots);
        } catch (QueryFailure e) {
            throw new InvalidSnapshotException("missing or invalid " + ServerProperties.MAX_CLIENTS);
        }
        return properties;
    }

    private static int channels(List<QueryRecord> records, int start, List<Channel> channels)
            throws InvalidSnapshotException {
        if (start >= records.size() || !records.get(start).has("begin_channels")) {
            throw new InvalidSnapshotException("missing begin channels token");
        }
        Set<Integer> seen = new HashSet<>();
        int index = start;
        while (true) {
            if (index >= records.size()) {
                throw new InvalidSnapshotException("missing end channels token");
            }
            QueryRecord record = records.get(index++);
            if (record.has("end_channels")) {
                break;
            }
            if (record.has("begin_channels") && !record.has("channel_id")) {
                continue;
            }
            Channel channel = channel(record, seen);
            seen.add(channel.id());
            channels.add(channel);
        }
        if (channels.isEmpty()) {
            throw new InvalidSnapshotException("snapshot contains no channels");
        }
        return index;
    }

    private static Channel channel(QueryRecord record, Set<Integer> seen) throws InvalidSnapshotException {
        String name = record.get("channel_name");
        if (name == null) {
            throw new InvalidSnapshotException("channel entry misses a channel name");
        }
        int id = number(record, "channel_id");
        int parentId = number(record, "channel_pid");
        if (seen.contains(id)) {
            throw new InvalidSnapshotException("duplicate channel id " + id);
        }
        if (parentId != 0 && !seen.contains(parentId)) {
            throw new InvalidSnapshotException("channel " + id + " has an unknown parent " + parentId);
        }
        String description = record.get("channel_description");
        return new Channel(id, parentId, name, description == null ? "" : description);
    }

    private static int number(QueryRecord record, String key) throws InvalidSnapshotException {
        String value = record.get(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidSnapshotException("channel entry has no valid " + key);
        }
    }

    private static int skipSection(List<QueryRecord> records, int start, String begin, String end)
            throws InvalidSnapshotException {
        if (start >= records.size() || !records.get(start).has(begin)) {
            throw new InvalidSnapshotException("missing " + begin + " token");
        }
        for (int index = start; index < records.size(); index++) {
            if (records.get(index).has(end)) {
                return index + 1;
            }
        }
        throw new InvalidSnapshotException("missing " + end + " token");
    }
}
