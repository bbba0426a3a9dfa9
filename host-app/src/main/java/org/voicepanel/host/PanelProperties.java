package org.voicepanel.host;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The panel's own settings ({@code panel.*}); plugin settings are read separately per plugin.
 *
 * @param dataDir embedded database files and generated keys
 * @param pluginsDir where plugin jars are dropped
 * @param adminToken if set, an admin token with exactly this value exists
 * @param backupKey base64 AES-256 key for snapshot files; generated into {@code dataDir} when unset
 * @param uploadMaxBytes the largest upload accepted
 * @param lockLease how long a service lock holds without renewal (a crashed instance frees it after this)
 */
@ConfigurationProperties("panel")
public record PanelProperties(@DefaultValue("./data") Path dataDir,
                              @DefaultValue("./plugins") Path pluginsDir,
                              String adminToken,
                              String backupKey,
                              @DefaultValue("67108864") long uploadMaxBytes,
                              @DefaultValue("60s") Duration lockLease) {
}
