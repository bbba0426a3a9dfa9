package org.voicepanel.host.security;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.voicepanel.host.account.LoginThrottle;
import org.voicepanel.host.account.RecentTokens;
import org.voicepanel.host.account.TokenStore;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.ErrorResponses;

/**
 * Authentication is here (tokens, and the web page's session); authorisation is in each route
 * ({@code caller.require(role)}, ownership), so every refusal comes in the contract's envelope and
 * in the contract's order.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration implements WebMvcConfigurer {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, TokenStore tokens, RecentTokens recent,
                                            LoginThrottle throttle, ErrorResponses errors,
                                            SecurityContextRepository contexts, CsrfTokenRepository csrfTokens)
            throws Exception {
        http.addFilterBefore(new TokenAuthenticationFilter(tokens, recent, throttle, errors),
                        AnonymousAuthenticationFilter.class)
                .securityContext(context -> context.securityContextRepository(contexts))
                // the page echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN (double submit); token requests
                // carry no cookie, so they cannot be forged cross-site
                .csrf(csrf -> csrf.spa().csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(PresentedToken::isPresent))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(SecurityHeaders.REFERRER_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .xssProtection(xss -> xss.headerValue(XXssProtectionHeaderWriter.HeaderValue.DISABLED)))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> errors.write(response,
                                ErrorCode.UNAUTHENTICATED, "Please log in or present an access token."))
                        .accessDeniedHandler(new CsrfRefusal(errors, csrfTokens)));
        return http.build();
    }

    /** Where the web page's login lives: the HTTP session (shared through MariaDB by Spring Session). */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    /** The CSRF token in a cookie the page's script can read; Secure follows the request (HTTPS). */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return repository;
    }

    /**
     * No observation around each security filter: Spring Security's would time every filter of every request and
     * count its events, a tenth of a download's processor time in the profile (docs/benchmarks.md).
     * {@code http.server.requests} still times each request as a whole.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
