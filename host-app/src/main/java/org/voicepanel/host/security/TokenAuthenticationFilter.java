package org.voicepanel.host.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.voicepanel.host.account.LoginThrottle;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.voicepanel.host.account.AccessTokens;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.RecentTokens;
import org.voicepanel.host.account.TokenStore;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.ErrorResponses;
import org.voicepanel.host.web.StorageFailures;

/**
 * Authenticates API clients by access token. A presented but unknown or revoked token is refused
 * here with 401; a request without a token goes on (a route then asks for a caller and answers
 * 401 itself, or the web session authenticates it). A token presented lately is not looked up again: its
 * caller comes from {@link RecentTokens}, unproven, and the request budget's count proves it (docs/architecture.md).
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final TokenStore tokens;
    private final RecentTokens recent;
    private final LoginThrottle throttle;
    private final ErrorResponses errors;

    TokenAuthenticationFilter(TokenStore tokens, RecentTokens recent, LoginThrottle throttle, ErrorResponses errors) {
        this.tokens = tokens;
        this.recent = recent;
        this.throttle = throttle;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = PresentedToken.of(request);
        if (token.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String hash = AccessTokens.hash(token.get());
        Optional<Caller> remembered = recent.find(hash);
        if (remembered.isPresent()) {
            continueAs(CallerAuthentication.unproven(remembered.get(), hash), request, response, chain);
            return;
        }
        Optional<Caller> caller;
        try {
            caller = token.get().isEmpty() ? Optional.empty() : tokens.authenticate(token.get());
        } catch (RuntimeException e) {
            if (StorageFailures.isConnectionLoss(e)) {
                errors.write(response, ErrorCode.STORAGE_UNAVAILABLE,
                        "The panel's database cannot be reached; please try again shortly.");
                return;
            }
            throw e;
        }
        if (caller.isEmpty()) {
            // only unknown tokens are counted and throttled, so a right token costs no extra query
            Optional<LoginThrottle.Refusal> refusal = throttle.recordFailure(
                    List.of(LoginThrottle.tokenAddress(request.getRemoteAddr())));
            if (refusal.isPresent()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.get().retryAfterSeconds()));
                errors.write(response, ErrorCode.TOO_MANY_REQUESTS, "Too many unknown access tokens from this"
                        + " address; try again in " + refusal.get().retryAfterSeconds() + " s.");
                return;
            }
            errors.write(response, ErrorCode.UNAUTHENTICATED, "The access token is unknown or has been revoked.");
            return;
        }
        recent.remember(hash, caller.get());
        continueAs(new CallerAuthentication(caller.get()), request, response, chain);
    }

    private static void continueAs(CallerAuthentication caller, HttpServletRequest request,
                                   HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // a fresh context: the one in the holder may be a web session's, which a token must not change
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(caller);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
