package org.voicepanel.host.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.voicepanel.host.account.Caller;

/**
 * An authenticated {@link Caller} in Spring Security's context; carries no credentials. A web
 * page's login keeps it in the session, so it stays serializable.
 *
 * <p>A caller taken from {@link org.voicepanel.host.account.RecentTokens} is not proved yet: it carries its
 * token's hash until the request budget's count has found the token still standing, which happens before any
 * route runs. Whatever else reads the caller first must prove it itself.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final Caller caller;
    private final transient String unprovenTokenHash;

    public CallerAuthentication(Caller caller) {
        this(caller, null);
    }

    private CallerAuthentication(Caller caller, String unprovenTokenHash) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.wireName())).toList());
        this.caller = caller;
        this.unprovenTokenHash = unprovenTokenHash;
        setAuthenticated(true);
    }

    /** The caller of a remembered token, to be proved by the request budget's count. */
    static CallerAuthentication unproven(Caller caller, String tokenHash) {
        return new CallerAuthentication(caller, tokenHash);
    }

    /** The hash of the token that still has to be found standing; empty once proved (and for a web login). */
    public Optional<String> unprovenTokenHash() {
        return Optional.ofNullable(unprovenTokenHash);
    }

    /** The same caller, proved. */
    public CallerAuthentication proven() {
        return unprovenTokenHash == null ? this : new CallerAuthentication(caller);
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
