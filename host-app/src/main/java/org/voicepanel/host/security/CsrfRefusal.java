package org.voicepanel.host.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.ErrorResponses;

/**
 * Answers a request the CSRF check refused. One from the web page (logged in, or holding the
 * page's CSRF cookie) is FORBIDDEN. One with neither a login nor that cookie is an API client
 * that sent no token: the contract's 401, not a word about CSRF it never had to know.
 */
final class CsrfRefusal implements AccessDeniedHandler {

    private final ErrorResponses errors;
    private final CsrfTokenRepository csrfTokens;

    CsrfRefusal(ErrorResponses errors, CsrfTokenRepository csrfTokens) {
        this.errors = errors;
        this.csrfTokens = csrfTokens;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        boolean fromThePage = SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication
                || csrfTokens.loadToken(request) != null;
        if (fromThePage) {
            errors.write(response, ErrorCode.FORBIDDEN, "The request was refused: its CSRF token is missing or wrong.");
        } else {
            errors.write(response, ErrorCode.UNAUTHENTICATED, "Please log in or present an access token.");
        }
    }
}
