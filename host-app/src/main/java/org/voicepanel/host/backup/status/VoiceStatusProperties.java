package org.voicepanel.host.backup.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the voice servers' status is cached ({@code panel.voice-status.*}, README).
 *
 * @param interval how old a status may get before one panel instance asks the voice server again
 * @param firstReadWait how long an answer waits for a status never read (or made stale by a restore)
 *        before it answers without one, as still refreshing: clients of the original API read the
 *        status once, so a first read is worth a short wait; a known status, however old, never waits
 * @param refreshLease how long an instance's claim to ask holds; a crashed instance's claim lapses after it
 * @param threads status reads this instance runs at once; further ones queue, a bounded few
 */
@ConfigurationProperties("panel.voice-status")
public record VoiceStatusProperties(@DefaultValue("10s") Duration interval,
                                    @DefaultValue("2s") Duration firstReadWait,
                                    @DefaultValue("60s") Duration refreshLease,
                                    @DefaultValue("4") int threads) {

    public VoiceStatusProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("panel.voice-status.interval must be positive, not " + interval);
        }
        if (firstReadWait.isNegative()) {
            throw new IllegalArgumentException("panel.voice-status.first-read-wait must not be negative");
        }
        if (refreshLease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("panel.voice-status.refresh-lease must be at least 1s, not "
                    + refreshLease);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("panel.voice-status.threads must be at least 1, not " + threads);
        }
    }
}
