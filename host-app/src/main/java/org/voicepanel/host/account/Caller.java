package org.voicepanel.host.account;

import java.io.Serializable;
import java.util.Set;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/**
 * Who is asking: a panel user, with the roles of the token (or, for the web page, the roles
 * the user's login gives). Serializable because a web page's login keeps it in the session.
 */
public record Caller(long userId, String name, Set<Role> roles) implements Serializable {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** An admin has every role: support acts on any service (api.md, Support access). */
    public boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }

    /** Throws FORBIDDEN unless the caller has the role. */
    public void require(Role role) {
        if (!has(role)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "This login or access token lacks the role " + role.wireName() + ".");
        }
    }
}
