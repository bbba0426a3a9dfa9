package org.voicepanel.teamspeak.query;

import com.github.theholywaffle.teamspeak3.TS3ApiAsync;
import com.github.theholywaffle.teamspeak3.api.VirtualServerProperty;
import com.github.theholywaffle.teamspeak3.api.wrapper.VirtualServerInfo;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.VoiceServerStatus;
import org.voicepanel.api.VoiceService;
import org.voicepanel.teamspeak.snapshot.ValidSnapshot;

/**
 * What the plugin asks of a TeamSpeak 3 server, each in one ServerQuery session of its own. Keeps no
 * per-service state; thread-safe.
 */
public final class TeamSpeakServerQuery implements AutoCloseable {

    private static final String ONLINE = "online";

    private final QuerySettings settings;
    private final ExecutorService helper = Executors.newCachedThreadPool(new HelperThreads());

    public TeamSpeakServerQuery(QuerySettings settings) {
        this.settings = settings;
    }

    /** Ends the helper threads; the provider calls it once no handler runs any more. */
    @Override
    public void close() {
        helper.shutdownNow();
    }

    /** {@code serversnapshotcreate}: the reply exactly as received (ts3-api does not decode it). */
    public String createSnapshot(VoiceService service) {
        try (QuerySession session = QuerySession.open(service, settings, helper)) {
            return session.slow("serversnapshotcreate", TS3ApiAsync::createServerSnapshot).get();
        }
    }

    /** {@code serverinfo}: the virtual server's status, slots and voice port as it reports them. */
    public VoiceServerStatus status(VoiceService service) {
        try (QuerySession session = QuerySession.open(service, settings, helper)) {
            VirtualServerInfo info = session.quick("serverinfo", TS3ApiAsync::getServerInfo);
            return VoiceServerStatus.of(info.get("virtualserver_status"), info.getInt("virtualserver_maxclients"))
                    .withPort(info.getInt("virtualserver_port"));
        }
    }

    /**
     * Deploys a snapshot, re-applies the service's slot count (a snapshot may carry any), restarts the
     * virtual server (or starts it, when it was not running) and checks that it is online with those slots.
     *
     * <p>The snapshot text follows the options verbatim: ts3-api sends it without escaping, which is why
     * only a {@link ValidSnapshot} (proved to be one line of a known format) is accepted here.
     */
    public void restore(VoiceService service, ValidSnapshot snapshot) {
        QueryParameters.checkSlots(service);
        int sid = ServerQueryLogin.virtualServerId(service);
        try (QuerySession session = QuerySession.open(service, settings, helper)) {
            session.slow("serversnapshotdeploy", api -> api.deployServerSnapshot(snapshot.deployParameters()));
            session.quick("serveredit", api -> api.editServer(
                    Map.of(VirtualServerProperty.VIRTUALSERVER_MAXCLIENTS, Integer.toString(service.slots()))));
            // a stopped server (it crashed, or an earlier restore could not start it) is only started:
            // serverstop would answer 1033 and leave it stopped for good
            if (ONLINE.equals(session.quick("serverinfo", TS3ApiAsync::getServerInfo).get("virtualserver_status"))) {
                session.slow("serverstop", api -> api.stopServer(sid));
            }
            session.slow("serverstart", api -> api.startServer(sid));
            // select again: whether a stopped server stays selected is not documented (docs/teamspeak.md 6)
            session.quick("use", api -> api.selectVirtualServerById(sid));
            VirtualServerInfo info = session.quick("serverinfo", TS3ApiAsync::getServerInfo);
            requireRunningWithSlots(session, info, service.slots());
        }
    }

    private static void requireRunningWithSlots(QuerySession session, VirtualServerInfo info, int slots) {
        String status = info.get("virtualserver_status");
        if (!ONLINE.equals(status)) {
            throw new BackupException(BackupException.Reason.VOICESERVER_ERROR, "The snapshot was deployed, but the"
                    + " voice server at " + session.where() + " reports the status '" + printable(status)
                    + "' instead of online after the restart.");
        }
        int maxClients = info.getInt("virtualserver_maxclients");
        if (maxClients != slots) {
            throw new BackupException(BackupException.Reason.VOICESERVER_ERROR, "The snapshot was deployed, but the"
                    + " voice server runs with " + maxClients + " slots instead of the service's " + slots + ".");
        }
    }

    private static String printable(String text) {
        String value = text == null ? "" : text;
        return value.length() > 40 || !value.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == '_' || c == ' ')
                ? "unknown" : value;
    }

    /** Helper threads must never keep the panel's JVM alive. */
    private static final class HelperThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "teamspeak-query-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
