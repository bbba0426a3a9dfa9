package org.voicepanel.host.plugin;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of {@code /actuator/health}: UP once plugin loading has finished (the bean exists only then),
 * DOWN while a plugin's database migration has failed: that panel would answer BACKUPS_NOT_SUPPORTED
 * for the plugin's voice servers, so a load balancer should send their requests to another panel.
 */
@Component("plugins")
class PluginsHealthIndicator implements HealthIndicator {

    private final PluginLoading loading;

    PluginsHealthIndicator(PluginLoading loading) {
        this.loading = loading;
    }

    @Override
    public Health health() {
        var unmigrated = loading.unmigrated();
        Health.Builder health = unmigrated.isEmpty() ? Health.up() : Health.down().withDetail("unmigrated", unmigrated);
        return health.withDetail("plugins", loading.reports().size()).build();
    }
}
