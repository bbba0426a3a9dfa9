package org.voicepanel.teamspeak.simulator;

import static org.voicepanel.teamspeak.simulator.CommandTable.Access.LOGGED_IN;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commands on virtual servers: {@code serverinfo}, {@code serveredit}, {@code serverstart}, {@code serverstop},
 * {@code serverlist}, {@code serveridgetbyport} and {@code channellist}. All need a login; those acting on "the"
 * server need {@code use} first. Starting a running server answers 1025 and stopping a stopped one 1033: TeamSpeak's
 * ids for those conditions, though no source shows TS3 sending them here. An empty list is 1281. Thread-safe.
 */
final class ServerCommands {

    private final ServerInstance instance;

    ServerCommands(ServerInstance instance) {
        this.instance = instance;
    }

    void registerIn(CommandTable table) {
        table.add("serverinfo", LOGGED_IN, (command, session) ->
                QueryReply.data(new QueryRecord().putAll(session.requireSelectedServer().info())));
        table.add("serveredit", LOGGED_IN, this::serverEdit);
        table.add("serverstart", LOGGED_IN, (command, session) -> {
            serverBySid(command).start();
            return QueryReply.ok();
        });
        table.add("serverstop", LOGGED_IN, (command, session) -> {
            serverBySid(command).stop();
            return QueryReply.ok();
        });
        table.add("serverlist", LOGGED_IN, this::serverList);
        table.add("serveridgetbyport", LOGGED_IN, (command, session) -> {
            int port = CommandTable.intParameter(command, "virtualserver_port");
            VirtualServer server = instance.findByPort(port)
                    .orElseThrow(QueryStatus.INVALID_SERVER_ID::failure);
            return QueryReply.data(new QueryRecord().put("server_id", server.id()));
        });
        table.add("channellist", LOGGED_IN, this::channelList);
    }

    private VirtualServer serverBySid(QueryCommand command) throws QueryFailure {
        return instance.findById(CommandTable.intParameter(command, "sid"))
                .orElseThrow(QueryStatus.INVALID_SERVER_ID::failure);
    }

    private QueryReply serverEdit(QueryCommand command, QuerySession session) throws QueryFailure {
        VirtualServer server = session.requireSelectedServer();
        Map<String, String> changes = new LinkedHashMap<>();
        for (String key : command.firstRecord().keys()) {
            if (!key.startsWith("-")) {
                changes.put(key, command.parameter(key));
            }
        }
        if (changes.isEmpty()) {
            throw QueryStatus.PARAMETER_NOT_FOUND.failure();
        }
        server.edit(changes);
        return QueryReply.ok();
    }

    private QueryReply serverList(QueryCommand command, QuerySession session) {
        List<QueryRecord> records = new ArrayList<>();
        for (VirtualServer server : instance.virtualServers()) {
            Map<String, String> info = server.info();
            QueryRecord record = new QueryRecord();
            for (String key : List.of("virtualserver_id", "virtualserver_port", "virtualserver_status",
                    "virtualserver_clientsonline", "virtualserver_queryclientsonline", "virtualserver_maxclients",
                    "virtualserver_uptime", "virtualserver_name", "virtualserver_autostart",
                    "virtualserver_machine_id")) {
                record.put(key, info.get(key));
            }
            if (command.hasOption("uid")) {
                record.put("virtualserver_unique_identifier", info.get("virtualserver_unique_identifier"));
            }
            records.add(record);
        }
        return QueryReply.data(records);
    }

    private QueryReply channelList(QueryCommand command, QuerySession session) throws QueryFailure {
        List<QueryRecord> records = new ArrayList<>();
        Map<Integer, Integer> lastChildOf = new LinkedHashMap<>();
        for (Channel channel : session.requireSelectedServer().channels()) {
            int order = lastChildOf.getOrDefault(channel.parentId(), 0);
            lastChildOf.put(channel.parentId(), channel.id());
            records.add(new QueryRecord().put("cid", channel.id()).put("pid", channel.parentId())
                    .put("channel_order", order).put("channel_name", channel.name())
                    .put("total_clients", 0).put("channel_needed_subscribe_power", 0));
        }
        return QueryReply.data(records);
    }
}
