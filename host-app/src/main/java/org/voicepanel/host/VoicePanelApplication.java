package org.voicepanel.host;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.voicepanel.host.db.EmbeddedMariaDbEarlyStart;

/** The panel: HTTP API and web page over the plugins that back up voice servers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VoicePanelApplication {

    public static void main(String[] args) {
        SpringApplication panel = new SpringApplication(VoicePanelApplication.class);
        panel.addInitializers(new EmbeddedMariaDbEarlyStart());
        panel.run(args);
    }
}
