package org.voicepanel.teamspeak.query;

import com.github.theholywaffle.teamspeak3.TS3Query.FloodRate;
import java.time.Duration;
import java.util.Locale;
import org.voicepanel.api.ProviderSettings;

/**
 * How the plugin talks ServerQuery, from the plugin settings ({@code panel.plugins.teamspeak.<key>}):
 *
 * <ul>
 *   <li>{@code connect-timeout-ms} (10000): reaching the server and its greeting, and each short command
 *       (login, use, serverinfo, serveredit, quit). ts3-api has no connect timeout of its own.</li>
 *   <li>{@code command-timeout-ms} (120000): ts3-api's {@code commandTimeout}, and the deadline of the
 *       slow commands (serversnapshotcreate, serversnapshotdeploy, serverstop, serverstart). It must stay
 *       far above the slowest deploy: when it passes, the panel gives up and closes the connection.</li>
 *   <li>{@code flood-rate} ({@code default}): {@code default} paces commands for a server that has not
 *       allow-listed the panel; {@code unlimited} sends them at once.</li>
 * </ul>
 */
public record QuerySettings(Duration connectTimeout, Duration commandTimeout, FloodRate floodRate) {

    public static final String CONNECT_TIMEOUT = "connect-timeout-ms";
    public static final String COMMAND_TIMEOUT = "command-timeout-ms";
    public static final String FLOOD_RATE = "flood-rate";

    public QuerySettings {
        requirePositive(CONNECT_TIMEOUT, connectTimeout);
        requirePositive(COMMAND_TIMEOUT, commandTimeout);
    }

    /**
     * ts3-api's own {@code commandTimeout}: a little above the panel's deadlines, so that the panel's deadline
     * (with its clear message) always comes first, and ts3-api's read timeout stays only a backstop.
     */
    int libraryCommandTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, commandTimeout.toMillis() + connectTimeout.toMillis());
    }

    public static QuerySettings from(ProviderSettings settings) {
        return new QuerySettings(
                Duration.ofMillis(number(settings, CONNECT_TIMEOUT, 10_000)),
                Duration.ofMillis(number(settings, COMMAND_TIMEOUT, 120_000)),
                floodRate(settings.get(FLOOD_RATE, "default")));
    }

    private static long number(ProviderSettings settings, String key, long defaultValue) {
        try {
            return settings.getLong(key, defaultValue);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The TeamSpeak setting " + key + " must be a number of milliseconds.");
        }
    }

    private static FloodRate floodRate(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "default" -> FloodRate.DEFAULT;
            case "unlimited" -> FloodRate.UNLIMITED;
            default -> throw new IllegalArgumentException(
                    "The TeamSpeak setting " + FLOOD_RATE + " must be default or unlimited.");
        };
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The TeamSpeak setting " + key + " must be a positive number of"
                    + " milliseconds.");
        }
    }
}
