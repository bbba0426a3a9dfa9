package org.voicepanel.teamspeak;

import org.voicepanel.api.ProviderSettings;
import org.voicepanel.teamspeak.query.QuerySettings;

/**
 * The plugin's settings ({@code panel.plugins.teamspeak.<key>}, or {@code panel.teamspeak.<key>}):
 *
 * <ul>
 *   <li>{@code accept-external-snapshots} (false): accept uploads of plain TeamSpeak snapshots made
 *       outside the panel. A deploy skips every permission check of the voice server, so this is off
 *       unless the operator trusts their users with that.</li>
 *   <li>{@code max-snapshot-bytes} (64 MiB): the largest snapshot payload accepted, uploaded or created.</li>
 *   <li>the ServerQuery settings of {@link QuerySettings}.</li>
 * </ul>
 */
record TeamSpeakSettings(boolean acceptExternalSnapshots, long maxSnapshotBytes, QuerySettings query) {

    static final String ACCEPT_EXTERNAL_SNAPSHOTS = "accept-external-snapshots";
    static final String MAX_SNAPSHOT_BYTES = "max-snapshot-bytes";

    static TeamSpeakSettings from(ProviderSettings settings) {
        long maxBytes;
        try {
            maxBytes = settings.getLong(MAX_SNAPSHOT_BYTES, 64L * 1024 * 1024);
        } catch (NumberFormatException e) {
            maxBytes = -1;
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("The TeamSpeak setting " + MAX_SNAPSHOT_BYTES
                    + " must be a positive number of bytes.");
        }
        return new TeamSpeakSettings(settings.getBoolean(ACCEPT_EXTERNAL_SNAPSHOTS, false), maxBytes,
                QuerySettings.from(settings));
    }
}
