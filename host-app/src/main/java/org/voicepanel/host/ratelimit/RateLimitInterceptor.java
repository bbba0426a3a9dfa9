package org.voicepanel.host.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.security.CallerAuthentication;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/**
 * Spends one request of the caller's hourly budget on every authenticated API call, puts the
 * original API's {@code X-RateLimit-*} headers on the answer, and refuses a call over the budget
 * with 429, {@code Retry-After} and RATE_LIMITED before the route runs (api.md, Rate limits).
 * Windows are clock hours: the budget resets at the full hour, for every instance alike.
 */
final class RateLimitInterceptor implements HandlerInterceptor {

    static final long WINDOW_SECONDS = 3600;

    private final RequestBudget budget;
    private final RateLimitProperties properties;
    private final Clock clock;

    RateLimitInterceptor(RequestBudget budget, RateLimitProperties properties, Clock clock) {
        this.budget = budget;
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
        int spent = budget.spend(caller.userId(), windowStart);
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
}
