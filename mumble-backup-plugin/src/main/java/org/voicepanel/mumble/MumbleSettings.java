package org.voicepanel.mumble;

import org.voicepanel.api.ProviderSettings;

/**
 * The plugin's settings ({@code panel.plugins.mumble.<key>}, or {@code panel.mumble.<key>}):
 *
 * <ul>
 *   <li>{@code connect-timeout-ms} (5000): reaching murmurd's Ice port.</li>
 *   <li>{@code command-timeout-ms} (60000): each Ice call, far above the slowest on a large server.</li>
 *   <li>{@code max-snapshot-bytes} (64 MiB): the largest snapshot taken, uploaded or restored.</li>
 * </ul>
 */
record MumbleSettings(long connectTimeoutMs, long commandTimeoutMs, long maxSnapshotBytes) {

    static MumbleSettings from(ProviderSettings settings) {
        return new MumbleSettings(
                positive(settings, "connect-timeout-ms", 5_000),
                positive(settings, "command-timeout-ms", 60_000),
                positive(settings, "max-snapshot-bytes", 64L * 1024 * 1024));
    }

    private static long positive(ProviderSettings settings, String key, long defaultValue) {
        long value = settings.getLong(key, defaultValue);
        if (value <= 0 || (key.endsWith("-ms") && value > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("panel.mumble." + key + " must be a positive number");
        }
        return value;
    }
}
