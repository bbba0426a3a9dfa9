package org.voicepanel.host.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed logins are throttled ({@code panel.login.*}).
 *
 * @param maxFailures failures for one user name before further attempts for it are refused
 * @param maxAddressFailures failed logins from one client address before further attempts from it are refused
 * @param maxTokenFailures unknown access tokens from one client address before further unknown ones are answered 429
 *     (a real token is never refused for them)
 * @param block how long the first refusal lasts; each further failure doubles it
 * @param maxBlock the longest a refusal lasts
 * @param forgetAfter failures older than this no longer count
 */
@ConfigurationProperties("panel.login")
public record LoginThrottleProperties(@DefaultValue("5") int maxFailures,
                                      @DefaultValue("20") int maxAddressFailures,
                                      @DefaultValue("100") int maxTokenFailures,
                                      @DefaultValue("30s") Duration block,
                                      @DefaultValue("15m") Duration maxBlock,
                                      @DefaultValue("1h") Duration forgetAfter) {
}
