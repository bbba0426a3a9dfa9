package org.voicepanel.teamspeak.simulator;

import static org.voicepanel.teamspeak.simulator.CommandTable.Access.ANYONE;

import java.util.List;
import java.util.Optional;

/**
 * Commands about the query session itself: {@code login}, {@code logout}, {@code use}, {@code whoami},
 * {@code version}, {@code quit} (docs/teamspeak.md 1.6). None needs a login; {@code use} neither, since it only
 * selects. Stateless apart from the shared instance; thread-safe.
 */
final class SessionCommands {

    private final ServerInstance instance;

    SessionCommands(ServerInstance instance) {
        this.instance = instance;
    }

    void registerIn(CommandTable table) {
        table.add("login", ANYONE, this::login);
        table.add("logout", ANYONE, this::logout);
        table.add("use", ANYONE, this::use);
        table.add("whoami", ANYONE, this::whoami);
        table.add("version", ANYONE, (command, session) -> QueryReply.data(new QueryRecord()
                .put("version", "3.13.7").put("build", 1655727713L).put("platform", "Linux")));
        table.add("quit", ANYONE, (command, session) -> QueryReply.okThenClose());
    }

    /** Accepts {@code login client_login_name=u client_login_password=p} and the bare {@code login u p}. */
    private QueryReply login(QueryCommand command, QuerySession session) throws QueryFailure {
        String name = command.parameter("client_login_name");
        String password = command.parameter("client_login_password");
        List<String> words = command.words();
        if (name == null && password == null && words.size() == 2) {
            name = words.get(0);
            password = words.get(1);
        }
        if (name == null || password == null) {
            throw QueryStatus.PARAMETER_NOT_FOUND.failure();
        }
        if (!instance.acceptsLogin(name, password)) {
            // a failed login while logged in logs the session out (yat.qa)
            session.logOut();
            throw QueryStatus.INVALID_LOGIN.failure();
        }
        session.logIn(name);
        return QueryReply.ok();
    }

    private QueryReply logout(QueryCommand command, QuerySession session) {
        session.logOut();
        return QueryReply.ok();
    }

    /**
     * {@code use sid=N}, {@code use port=P} or {@code use N}, options anywhere. A stopped server needs
     * {@code -virtual}; an unknown one is 1024, or 1033 without {@code -virtual} as yat.qa observed.
     */
    private QueryReply use(QueryCommand command, QuerySession session) throws QueryFailure {
        boolean virtual = command.hasOption("virtual");
        Optional<VirtualServer> server = find(command);
        if (server.isEmpty()) {
            throw (virtual ? QueryStatus.INVALID_SERVER_ID : QueryStatus.SERVER_NOT_RUNNING).failure();
        }
        if (!virtual && !server.get().isOnline()) {
            throw QueryStatus.SERVER_NOT_RUNNING.failure();
        }
        session.select(server.get());
        return QueryReply.ok();
    }

    private Optional<VirtualServer> find(QueryCommand command) throws QueryFailure {
        if (command.parameter("port") != null) {
            return instance.findByPort(CommandTable.intParameter(command, "port"));
        }
        if (command.parameter("sid") != null) {
            return instance.findById(CommandTable.intParameter(command, "sid"));
        }
        List<String> words = command.words().stream().filter(word -> !word.contains("=")).toList();
        if (words.size() != 1) {
            throw QueryStatus.PARAMETER_NOT_FOUND.failure();
        }
        try {
            return instance.findById(Integer.parseInt(words.get(0)));
        } catch (NumberFormatException e) {
            throw QueryStatus.CONVERT_ERROR.failure();
        }
    }

    private QueryReply whoami(QueryCommand command, QuerySession session) {
        Optional<VirtualServer> server = session.selectedServer();
        String login = session.loginName().orElse("");
        return QueryReply.data(new QueryRecord()
                .put("virtualserver_status", server.map(VirtualServer::status).orElse("unknown"))
                .put("virtualserver_id", server.map(VirtualServer::id).orElse(0))
                .put("virtualserver_unique_identifier",
                        server.map(s -> s.info().get("virtualserver_unique_identifier")).orElse(""))
                .put("virtualserver_port", server.map(VirtualServer::port).orElse(0))
                .put("client_id", session.clientId())
                .put("client_channel_id", server.isPresent() ? 1 : 0)
                .put("client_nickname", login.isEmpty() ? "Unknown from 127.0.0.1" : login)
                .put("client_database_id", login.isEmpty() ? 0 : 1)
                .put("client_login_name", login)
                .put("client_unique_identifier", login.isEmpty() ? "" : login)
                .put("client_origin_server_id", 0));
    }
}
