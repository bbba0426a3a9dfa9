package org.voicepanel.host;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The panel: HTTP API and web page over the plugins that back up voice servers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VoicePanelApplication {

    public static void main(String[] args) {
        SpringApplication.run(VoicePanelApplication.class, args);
    }
}
