package org.voicepanel.host.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The callers of tokens presented lately, by token hash, so that a request need not look its token up. A caller
 * found here is not yet proved: the request budget's count goes through only while the token still stands
 * ({@code RequestBudget}), so a revocation on any panel instance is refused from the next request on. A token's
 * user and roles never change, so nothing else can go stale. Bounded in entries and in time. Thread-safe.
 */
@Component
public class RecentTokens {

    private static final int MAX_TOKENS = 10_000;
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final Cache<String, Caller> callers = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfterAccess(IDLE)
            .build();

    public Optional<Caller> find(String tokenHash) {
        return Optional.ofNullable(callers.getIfPresent(tokenHash));
    }

    public void remember(String tokenHash, Caller caller) {
        callers.put(tokenHash, caller);
    }

    public void forget(String tokenHash) {
        callers.invalidate(tokenHash);
    }
}
