package org.voicepanel.host.schedule;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.account.TokenStore;
import org.voicepanel.host.security.CallerAuthentication;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.ErrorResponses;

/**
 * {@code /actuator/prometheus} for admins only, answered like every other refusal: runs after Spring Security has
 * authenticated the request.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

    static final String PATH = "/actuator/prometheus";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> metricsForAdminsOnly(ErrorResponses errors, TokenStore tokens) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                var authentication = SecurityContextHolder.getContext().getAuthentication();
                if (!(authentication instanceof CallerAuthentication caller)) {
                    errors.write(response, ErrorCode.UNAUTHENTICATED, "Please log in or present an access token.");
                } else if (caller.unprovenTokenHash().filter(hash -> !tokens.stands(hash)).isPresent()) {
                    // no request budget is spent here, so a remembered token is proved on its own
                    errors.write(response, ErrorCode.UNAUTHENTICATED,
                            "The access token is unknown or has been revoked.");
                } else if (!caller.getPrincipal().has(Role.ADMIN)) {
                    errors.write(response, ErrorCode.FORBIDDEN, "The metrics are for admins only.");
                } else {
                    chain.doFilter(request, response);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(PATH, PATH + "/*");
        // after Spring Security's chain (order -100), which put the caller in the context
        registration.setOrder(0);
        return registration;
    }
}
