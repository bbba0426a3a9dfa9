package org.voicepanel.host.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.RecentTokens;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.security.CallerAuthentication;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/**
 * Spends one request of the caller's hourly budget on every authenticated API call, puts the
 * original API's {@code X-RateLimit-*} headers on the answer, and refuses a call over the budget
 * with 429, {@code Retry-After} and RATE_LIMITED before the route runs (api.md, Rate limits).
 * Windows are clock hours: the budget resets at the full hour, for every instance alike. It runs before every
 * other interceptor and before any route reads its caller, so a remembered token is proved here first.
 */
final class RateLimitInterceptor implements HandlerInterceptor {

    static final long WINDOW_SECONDS = 3600;

    private final RequestBudget budget;
    private final RecentTokens recent;
    private final RateLimitProperties properties;
    private final Clock clock;

    RateLimitInterceptor(RequestBudget budget, RecentTokens recent, RateLimitProperties properties, Clock clock) {
        this.budget = budget;
        this.recent = recent;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth)) {
            return true;
        }
        Caller caller = auth.getPrincipal();
        int limit = caller.has(Role.ADMIN) ? properties.adminRequestsPerHour() : properties.requestsPerHour();
        long now = clock.instant().getEpochSecond();
        long windowStart = now - Math.floorMod(now, WINDOW_SECONDS);
        long reset = windowStart + WINDOW_SECONDS;
        int spent = spend(auth, windowStart);
        response.setHeader("X-RateLimit-Limit", Integer.toString(limit));
        response.setHeader("X-RateLimit-Remaining", Integer.toString(Math.max(0, limit - spent)));
        response.setHeader("X-RateLimit-Reset", Long.toString(reset));
        if (spent > limit) {
            long retryAfter = Math.max(1, reset - now);
            response.setHeader("Retry-After", Long.toString(retryAfter));
            throw new ApiException(ErrorCode.RATE_LIMITED, "This account has used its " + limit
                    + " requests of this hour; please try again in " + retryAfter + " seconds.");
        }
        return true;
    }

    /** Counts the request; a remembered token is proved by the same statement, or refused as revoked. */
    private int spend(CallerAuthentication auth, long windowStart) {
        long userId = auth.getPrincipal().userId();
        Optional<String> unproven = auth.unprovenTokenHash();
        if (unproven.isEmpty()) {
            return budget.spend(userId, windowStart);
        }
        OptionalInt spent = budget.spendIfTokenStands(unproven.get(), userId, windowStart);
        if (spent.isEmpty()) {
            recent.forget(unproven.get());
            SecurityContextHolder.clearContext();
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "The access token is unknown or has been revoked.");
        }
        SecurityContextHolder.getContext().setAuthentication(auth.proven());
        return spent.getAsInt();
    }
}
