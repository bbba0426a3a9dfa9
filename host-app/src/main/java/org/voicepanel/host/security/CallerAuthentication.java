package org.voicepanel.host.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.voicepanel.host.account.Caller;

/**
 * An authenticated {@link Caller} in Spring Security's context; carries no credentials. A web
 * page's login keeps it in the session, so it stays serializable.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.wireName())).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** The user's name: what a stored session is indexed by (not the record's long toString). */
    @Override
    public String getName() {
        return caller.name();
    }
}
