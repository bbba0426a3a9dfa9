package org.voicepanel.host.backup.catalog;

/**
 * A service's limits; 0 means none. {@code minIntervalHours} is the shortest schedule interval allowed.
 */
public record BackupLimits(int maxSnapshots, long maxBytes, int minIntervalHours) {
}
