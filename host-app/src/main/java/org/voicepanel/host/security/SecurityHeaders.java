package org.voicepanel.host.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security headers of every answer. The security filter chain writes them through
 * {@link SecurityConfiguration}; an answer the container gives before any filter runs (a request
 * it refuses itself) gets the same ones from here.
 */
public final class SecurityHeaders {

    /** Nothing of the panel's URLs (ids, an {@code access_token} parameter) goes to another site. */
    static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.NO_REFERRER;

    private SecurityHeaders() {
    }

    /** The same headers the filter chain writes, for an answer outside it. */
    public static void writeTo(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", REFERRER_POLICY.getPolicy());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
    }
}
