package org.voicepanel.teamspeak.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code serversnapshotcreate [password=…]} and {@code serversnapshotdeploy [-mapping] [-keepfiles] [password=…]
 * <snapshot>} (docs/teamspeak.md 2.3, 2.4). A deploy really restores name, slots and channels, so a test can
 * change a server, deploy an older snapshot and see the old state back. Every snapshot problem is answered with
 * 1538 and an {@code extra_msg} (2.6). Thread-safe.
 */
final class SnapshotCommands {

    private final ServerInstance instance;

    SnapshotCommands(ServerInstance instance) {
        this.instance = instance;
    }

    void registerIn(CommandTable table) {
        table.add("serversnapshotcreate", "b_virtualserver_snapshot_create", this::create);
        table.add("serversnapshotdeploy", "b_virtualserver_snapshot_deploy", this::deploy);
    }

    private QueryReply create(QueryCommand command, QuerySession session) throws QueryFailure {
        VirtualServer server = session.requireSelectedServer();
        SnapshotCodec codec = SnapshotCodec.writing(instance.snapshotFormat());
        try {
            return QueryReply.line(codec.encode(server.capture(), command.parameter("password")));
        } catch (InvalidSnapshotException e) {
            throw e.toFailure();
        }
    }

    /**
     * Deploys into the selected server; with none selected, into a new server whose {@code sid} leads the reply,
     * as PHP's framework expects. {@code -keepfiles} is accepted and has nothing to keep here.
     */
    private QueryReply deploy(QueryCommand command, QuerySession session) throws QueryFailure {
        SnapshotContent content;
        try {
            content = SnapshotCodec.reading(command).decode(command);
        } catch (InvalidSnapshotException e) {
            throw e.toFailure();
        }
        Optional<VirtualServer> selected = session.selectedServer();
        VirtualServer target = selected.orElseGet(instance::createVirtualServer);
        Map<Integer, Integer> newChannelIds = target.restore(content);

        List<QueryRecord> records = new ArrayList<>();
        if (selected.isEmpty()) {
            records.add(new QueryRecord().put("sid", target.id()).put("virtualserver_port", target.port()));
        }
        if (command.hasOption("mapping")) {
            newChannelIds.forEach((oldId, newId) -> records.add(new QueryRecord().put("ocid", oldId)
                    .put("ncid", newId)));
        }
        return records.isEmpty() ? QueryReply.ok() : QueryReply.data(records);
    }
}
