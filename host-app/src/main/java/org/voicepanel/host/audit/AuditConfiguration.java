package org.voicepanel.host.audit;

import java.time.Clock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.voicepanel.host.service.ServiceStore;

/** Puts the audit trail around the backup routes and the admin's service routes; schedules its retention. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration implements WebMvcConfigurer {

    private final AuditWriter writer;
    private final ServiceStore services;
    private final Clock clock;

    AuditConfiguration(AuditWriter writer, ServiceStore services, Clock clock) {
        this.writer = writer;
        this.services = services;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AuditInterceptor(writer, services, clock))
                .addPathPatterns("/services/*/voiceservers/backup/**", "/admin/services", "/admin/services/**");
    }
}
