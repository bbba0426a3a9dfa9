package org.voicepanel.host.web;

import org.apache.catalina.Host;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.voicepanel.host.ResourceLimits;
import tools.jackson.databind.json.JsonMapper;

/** Tomcat's part of the request bounds: unread bodies, and the answers Tomcat gives itself. */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeForTomcatsAnswers(JsonMapper json,
                                                                                        ResourceLimits limits) {
        return factory -> {
            factory.addEngineValves(new UnreadBodyValve(limits));
            factory.addContextCustomizers(context -> EnvelopeErrorReportValve.install((Host) context.getParent(), json));
        };
    }
}
