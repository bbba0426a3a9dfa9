package org.voicepanel.host.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds the access token of a request: {@code Authorization: Bearer} or the {@code access_token}
 * query parameter. Only the query string is read, never the body, so uploads stay unread.
 */
public final class PresentedToken {

    private static final String BEARER = "Bearer ";

    private PresentedToken() {
    }

    static Optional<String> of(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(header.substring(BEARER.length()).strip());
        }
        String query = request.getQueryString();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("access_token=")) {
                return Optional.of(decoded(pair.substring("access_token=".length())));
            }
        }
        return Optional.empty();
    }

    /** A broken escape such as {@code %ZZ} is no reason for a 500: kept as sent, the token is unknown (401). */
    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    public static boolean isPresent(HttpServletRequest request) {
        return of(request).isPresent();
    }
}
