package org.voicepanel.host.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.voicepanel.host.account.LoginThrottle;
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
import org.voicepanel.host.web.RequestBodies;

/**
 * The web page's login: {@code POST /session} with a name and password, {@code GET /session}
 * for who is logged in, {@code DELETE /session} to log out. A login gets a new session id (no
 * session fixation) and a new CSRF token; both POST and DELETE need the CSRF header.
 */
@RestController
class SessionController {

    record Credentials(@NotBlank(message = "The name is required.") String name,
                       @NotNull(message = "The password is required.") String password) {
    }

    private final PasswordLogin login;
    private final LoginThrottle throttle;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final RequestBodies bodies;

    SessionController(PasswordLogin login, LoginThrottle throttle, SecurityContextRepository contexts,
                      CsrfTokenRepository csrfTokens, RequestBodies bodies) {
        this.login = login;
        this.throttle = throttle;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.bodies = bodies;
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
    ResponseEntity<Envelope> logIn(@RequestBody(required = false) Credentials body, HttpServletRequest request,
                                   HttpServletResponse response) {
        if (PresentedToken.isPresent(request)) {
            throw ApiException.badRequest("Log in with a name and password only, without an access token.");
        }
        bodies.checked(body);
        List<String> subjects = List.of(LoginThrottle.user(body.name()), LoginThrottle.address(request.getRemoteAddr()));
        Optional<LoginThrottle.Refusal> refused = throttle.refusal(subjects);
        if (refused.isPresent()) {
            return tooMany(refused.get());
        }
        Optional<Caller> authenticated = login.authenticate(body.name(), body.password());
        if (authenticated.isEmpty()) {
            refused = throttle.recordFailure(subjects);
            if (refused.isPresent()) {
                return tooMany(refused.get());
            }
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "The name or the password is wrong.");
        }
        throttle.recordSuccess(LoginThrottle.user(body.name()));
        Caller caller = authenticated.get();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        renewCsrfToken(request, response);
        return ResponseEntity.ok(Envelope.data("user", view(caller)));
    }

    /** Refused for now, even with the right password: too many failures for this name or address. */
    private static ResponseEntity<Envelope> tooMany(LoginThrottle.Refusal refusal) {
        long seconds = refusal.retryAfterSeconds();
        return ResponseEntity.status(ErrorCode.TOO_MANY_REQUESTS.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Envelope.error(ErrorCode.TOO_MANY_REQUESTS, "Too many failed logins for this name or from this"
                        + " address; try again in " + seconds + " s."));
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
