package org.voicepanel.host;

import java.time.Clock;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.host.service.QueryPasswordCipher;
import org.voicepanel.host.keys.PanelKeysets;
import org.voicepanel.host.snapshotfile.KeysetSnapshotFileSealer;

/** The panel-wide parts that do not belong to one feature. */
@Configuration(proxyBeanMethods = false)
class PanelConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PanelKeysets panelKeysets(PanelProperties panel) {
        if (panel.backupKey() != null && !panel.backupKey().isBlank()) {
            throw new IllegalStateException("panel.backup-key is no longer read: snapshot files and query passwords"
                    + " are sealed with the keysets in panel.keys-dir (README, Keys). Remove panel.backup-key; panels"
                    + " sharing one database share one panel.keys-dir folder (or copies of it).");
        }
        return PanelKeysets.in(panel.keysDir() != null ? panel.keysDir() : panel.dataDir().resolve("keys"));
    }

    @Bean
    SnapshotFileSealer snapshotFileSealer(PanelKeysets keysets) {
        return new KeysetSnapshotFileSealer(keysets);
    }

    @Bean
    QueryPasswordCipher queryPasswordCipher(PanelKeysets keysets) {
        return new QueryPasswordCipher(keysets);
    }

    /**
     * Tomcat hands a large response to the socket in pieces as big as this buffer, 8 KiB by default; in 64 KiB
     * pieces a snapshot download took 30% less time. Tomcat keeps at most 500 idle buffers.
     */
    @Bean
    TomcatConnectorCustomizer largerSocketWrites() {
        return connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(64 * 1024));
    }

    /** Every route also answers with a trailing slash (docs/api.md). */
    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashes() {
        var registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
