package org.voicepanel.host.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.PasswordLogin;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.ErrorCode;

/**
 * The web page's login: {@code POST /session} with a name and password, {@code GET /session}
 * for who is logged in, {@code DELETE /session} to log out. A login gets a new session id (no
 * session fixation) and a new CSRF token; both POST and DELETE need the CSRF header.
 */
@RestController
class SessionController {

    record Credentials(String name, String password) {
    }

    private final PasswordLogin login;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;

    SessionController(PasswordLogin login, SecurityContextRepository contexts, CsrfTokenRepository csrfTokens) {
        this.login = login;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
    }

    @GetMapping("/session")
    Envelope current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication caller) {
            return Envelope.data("user", view(caller.getPrincipal()));
        }
        throw new ApiException(ErrorCode.UNAUTHENTICATED, "You are not logged in.");
    }

    @PostMapping("/session")
    Envelope logIn(@RequestBody(required = false) Credentials body, HttpServletRequest request,
                   HttpServletResponse response) {
        if (PresentedToken.isPresent(request)) {
            throw ApiException.badRequest("Log in with a name and password only, without an access token.");
        }
        if (body == null || body.name() == null || body.name().isBlank() || body.password() == null) {
            throw ApiException.badRequest("A name and a password are required.");
        }
        Caller caller = login.authenticate(body.name(), body.password())
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "The name or the password is wrong."));
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        renewCsrfToken(request, response);
        return Envelope.data("user", view(caller));
    }

    @DeleteMapping("/session")
    Envelope logOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        renewCsrfToken(request, response);
        return Envelope.message("You are logged out.");
    }

    private void renewCsrfToken(HttpServletRequest request, HttpServletResponse response) {
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    }

    private static Map<String, Object> view(Caller caller) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", caller.userId());
        user.put("name", caller.name());
        user.put("admin", caller.has(Role.ADMIN));
        return user;
    }
}
