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
 * @param backupKey no longer read: a start with it set stops with a sentence pointing at {@code keysDir}
 * @param uploadMaxBytes the largest upload accepted
 * @param lockLease how long a service lock holds without renewal (a crashed instance frees it after this)
 * @param keysDir the Tink keysets for snapshot files and query passwords; {@code dataDir/keys} when unset
 */
@ConfigurationProperties("panel")
public record PanelProperties(@DefaultValue("./data") Path dataDir,
                              @DefaultValue("./plugins") Path pluginsDir,
                              String adminToken,
                              String backupKey,
                              @DefaultValue("67108864") long uploadMaxBytes,
                              @DefaultValue("60s") Duration lockLease,
                              Path keysDir) {
}
