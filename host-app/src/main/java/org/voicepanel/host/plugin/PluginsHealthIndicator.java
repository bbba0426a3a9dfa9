package org.voicepanel.host.plugin;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Part of {@code /actuator/health}: UP once plugin loading has finished (the bean exists only then). */
@Component("plugins")
class PluginsHealthIndicator implements HealthIndicator {

    private final PluginLoading loading;

    PluginsHealthIndicator(PluginLoading loading) {
        this.loading = loading;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("plugins", loading.reports().size()).build();
    }
}
