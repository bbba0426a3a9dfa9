package org.voicepanel.host.account;

import java.util.Map;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The web page logins of a user, as Spring Session keeps them in MariaDB (indexed by user name), so that every panel
 * instance forgets them at once. Thread-safe.
 */
@Component
public class UserSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    public UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every login of {@code userName} but the session {@code keep} (null: none kept); returns how many. */
    public int endAll(String userName, String keep) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(userName);
        int ended = 0;
        for (String id : found.keySet()) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}
