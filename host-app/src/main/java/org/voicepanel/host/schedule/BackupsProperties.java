package org.voicepanel.host.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's defaults for automatic backups, quotas and the manual-create cooldown ({@code panel.backups.*},
 * README and docs/backups.md). Limits of 0 mean none.
 *
 * @param maxSnapshots most snapshots a service may keep, of every origin
 * @param maxBytes most bytes a service's snapshots may take
 * @param minIntervalHours shortest schedule interval a customer may choose
 * @param defaultSchedule the schedule of a service that has never set one: {@code off}, {@code every 6h},
 *                        {@code daily 03:30} or {@code weekly monday 03:30} (UTC, default retention)
 * @param cooldownCreates manual creates allowed per service within {@code cooldownWindow} (0: no cooldown)
 * @param cooldownWindow the cooldown's window
 * @param perHostConcurrency scheduled runs at once against one voice-server host, over every panel instance
 * @param jitter the window over which runs due at the same time are spread (per service, deterministic)
 * @param busyRetry how long a run waits before trying again a service busy with another operation
 * @param threads runs at once on one panel instance
 * @param pollingInterval how often a panel looks for due runs
 * @param heartbeatInterval how often a running run proves its panel alive; four missed and another panel takes over
 * @param webhookAttempts deliveries of one failure notice before it is given up
 * @param webhookBackoff the wait before the second delivery, doubled for each next one
 */
@ConfigurationProperties("panel.backups")
public record BackupsProperties(@DefaultValue("0") int maxSnapshots,
                                @DefaultValue("0") long maxBytes,
                                @DefaultValue("1") int minIntervalHours,
                                @DefaultValue("off") String defaultSchedule,
                                @DefaultValue("2") int cooldownCreates,
                                @DefaultValue("10m") Duration cooldownWindow,
                                @DefaultValue("1") int perHostConcurrency,
                                @DefaultValue("10m") Duration jitter,
                                @DefaultValue("2m") Duration busyRetry,
                                @DefaultValue("4") int threads,
                                @DefaultValue("10s") Duration pollingInterval,
                                @DefaultValue("30s") Duration heartbeatInterval,
                                @DefaultValue("5") int webhookAttempts,
                                @DefaultValue("2s") Duration webhookBackoff) {
}
