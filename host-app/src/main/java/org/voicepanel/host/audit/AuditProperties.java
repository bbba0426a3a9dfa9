package org.voicepanel.host.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's settings ({@code panel.audit.*}).
 *
 * @param retention how long an entry is kept
 * @param pruneInterval how often one panel instance deletes what is older
 */
@ConfigurationProperties("panel.audit")
public record AuditProperties(@DefaultValue("180d") Duration retention,
                              @DefaultValue("1h") Duration pruneInterval) {
}
