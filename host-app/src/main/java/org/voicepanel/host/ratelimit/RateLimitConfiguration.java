package org.voicepanel.host.ratelimit;

import java.time.Clock;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.voicepanel.host.account.RecentTokens;

/** Puts the rate limit in front of every route, before anything else a route does (the audit trail included). */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

    private final RequestBudget budget;
    private final RecentTokens recent;
    private final RateLimitProperties properties;
    private final Clock clock;

    RateLimitConfiguration(RequestBudget budget, RecentTokens recent, RateLimitProperties properties, Clock clock) {
        this.budget = budget;
        this.recent = recent;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RateLimitInterceptor(budget, recent, properties, clock))
                .excludePathPatterns("/error")
                .order(Ordered.HIGHEST_PRECEDENCE);
    }
}
