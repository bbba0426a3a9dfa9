package org.voicepanel.host.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The request budget of each user per clock hour ({@code panel.rate-limit.*}), as in the original API.
 *
 * @param requestsPerHour a user's budget
 * @param adminRequestsPerHour the budget of an admin (tokens or logins with ROLE_ADMIN)
 */
@ConfigurationProperties("panel.rate-limit")
public record RateLimitProperties(@DefaultValue("500") int requestsPerHour,
                                  @DefaultValue("5000") int adminRequestsPerHour) {
}
