package org.voicepanel.mumble.ice;

import Murmur.MetaPrx;
import Murmur.ServerPrx;
import com.zeroc.Ice.Communicator;
import com.zeroc.Ice.InitializationData;
import com.zeroc.Ice.Properties;
import com.zeroc.Ice.UserException;
import com.zeroc.Ice.Util;
import java.util.Map;
import java.util.regex.Pattern;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.api.VoiceService;

/**
 * The plugin's one Ice communicator and how each call reaches a service's virtual server. A call builds
 * its proxies from the service's fields (nothing is cached per service), carries the Ice secret in its
 * context, and ends within the timeouts. Thread-safe; closed with the provider.
 */
public final class MurmurConnector implements AutoCloseable {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

    private final InitializationData init = new InitializationData();
    private final long connectTimeoutMs;
    private final long commandTimeoutMs;
    /** Made on the first call: its classes and threads cost every panel start a few tenths of a second. */
    private Communicator communicator;
    private boolean closed;

    public MurmurConnector(long connectTimeoutMs, long commandTimeoutMs, long maxMessageBytes) {
        this.connectTimeoutMs = connectTimeoutMs;
        this.commandTimeoutMs = commandTimeoutMs;
        Properties properties = Util.createProperties();
        // a snapshot of a large server is one reply; Ice counts in KiB
        properties.setProperty("Ice.MessageSizeMax", Long.toString(Math.max(1024, maxMessageBytes / 1024 + 1024)));
        // one attempt: a failed call is reported, and the host's caller retries if it wants to
        properties.setProperty("Ice.RetryIntervals", "-1");
        properties.setProperty("Ice.Warn.Connections", "0");
        init.properties = properties;
        // the generated Murmur classes live in the plugin's class loader, not the request thread's
        init.classLoader = MurmurConnector.class.getClassLoader();
    }

    /**
     * Runs {@code work} against the service's virtual server, mapping every Ice and murmurd failure.
     *
     * @param doing what the call does, for messages: {@code "taking a snapshot"}
     */
    public <T> T call(VoiceService service, String doing, Work<T> work) {
        String where = MurmurLogin.where(service);
        int serverId = MurmurLogin.virtualServerId(service);
        try {
            MetaPrx meta = meta(service);
            return work.on(server(meta, serverId, where), meta);
        } catch (RuntimeException | UserException e) {
            throw IceFailures.of(e, where, serverId, doing);
        }
    }

    /**
     * Calls on one virtual server (and, for the defaults its settings fall back to, on murmurd itself);
     * murmurd's refusals arrive as {@link UserException}.
     */
    @FunctionalInterface
    public interface Work<T> {
        T on(ServerPrx server, MetaPrx meta) throws UserException;
    }

    /** The slots a virtual server runs with: its own {@code users} setting, else murmurd's default. */
    public static int slots(ServerPrx server, MetaPrx meta) throws UserException {
        String own = server.getConf("users");
        String value = own == null || own.isBlank() ? meta.getDefaultConf().getOrDefault("users", "") : own;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private MetaPrx meta(VoiceService service) {
        if (!HOST.matcher(service.host()).matches()) {
            throw new BackupException(Reason.BAD_REQUEST, "The service's host is not a host name or address.");
        }
        Map<String, String> context = Map.of("secret", MurmurLogin.secret(service));
        // Ice quotes the host; an IPv6 address goes without its brackets
        String host = service.host().replace("[", "").replace("]", "");
        String endpoint = "tcp -h \"" + host + "\" -p " + MurmurLogin.icePort(service)
                + " -t " + connectTimeoutMs;
        return MetaPrx.uncheckedCast(communicator().stringToProxy("Meta:" + endpoint))
                .ice_context(context).ice_invocationTimeout((int) commandTimeoutMs);
    }

    private static ServerPrx server(MetaPrx meta, int serverId, String where) throws UserException {
        ServerPrx server = meta.getServer(serverId);
        if (server == null) {
            throw new BackupException(Reason.VOICESERVER_ERROR, "The Mumble server at " + where
                    + " has no virtual server " + serverId + ".");
        }
        // the same endpoint the panel reached, not the one murmurd advertises (it may sit behind NAT)
        return server.ice_endpoints(meta.ice_getEndpoints()).ice_context(meta.ice_getContext())
                .ice_invocationTimeout(meta.ice_getInvocationTimeout());
    }

    private synchronized Communicator communicator() {
        if (closed) {
            throw new BackupException(Reason.VOICESERVER_UNAVAILABLE, "The Mumble plugin is stopping.");
        }
        if (communicator == null) {
            communicator = Util.initialize(init);
        }
        return communicator;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (communicator != null) {
            communicator.destroy();
        }
    }
}
