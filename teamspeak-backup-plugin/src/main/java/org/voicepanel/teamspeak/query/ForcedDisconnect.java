package org.voicepanel.teamspeak.query;

import com.github.theholywaffle.teamspeak3.TS3Query;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a ts3-api 1.2.0 connection at once. {@code exit()} sends {@code quit} and waits for its answer
 * without a deadline, behind any command still unanswered; once a deadline has passed that wait is what
 * must not happen. Closing the socket makes ts3-api's reader see the connection end, fail what is pending
 * and shut its threads down; under the disconnect strategy nothing is sent again.
 *
 * <p>1.2.0 offers no public way to reach the socket, so this reads the private fields {@code TS3Query.io}
 * and {@code QueryIO.socket} (the version is pinned, and the library is shaded into the plugin). Should
 * they be missing, the caller's {@code exit()} still ends the session once ts3-api's own read timeout fires.
 */
final class ForcedDisconnect {

    private static final Logger log = LoggerFactory.getLogger(ForcedDisconnect.class);

    private ForcedDisconnect() {
    }

    static void close(TS3Query query) {
        try {
            Object io = read(query, TS3Query.class, "io");
            if (io == null) {
                return; // never connected: no socket to close
            }
            Object socket = read(io, io.getClass(), "socket");
            if (socket instanceof Socket open) {
                open.close();
            }
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            log.warn("Could not close a ServerQuery connection at once ({}); it ends at ts3-api's read timeout.",
                    e.toString());
        }
    }

    private static Object read(Object target, Class<?> type, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
