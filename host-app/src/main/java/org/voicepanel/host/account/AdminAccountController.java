package org.voicepanel.host.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.ErrorCode;
import org.voicepanel.host.web.Ids;
import org.voicepanel.host.web.RequestBodies;
import org.voicepanel.host.web.StorageFailures;

/** The admin routes for users and their tokens. */
@RestController
class AdminAccountController {

    private static final String USER_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final String USER_NAME_RULE = "A user name is 1 to 64 letters, digits, dots, dashes or underscores.";

    record NewUser(
            @NotNull(message = USER_NAME_RULE) @Pattern(regexp = USER_NAME, message = USER_NAME_RULE) String name,
            String password) {
    }

    record NewToken(
            @NotEmpty(message = "A token needs at least one role.") List<String> roles,
            @Size(max = 255, message = "The description is longer than 255 characters.") String description) {
    }

    record NewPassword(@NotNull(message = "A password is required.") String password) {
    }

    private final UserStore users;
    private final TokenStore tokens;
    private final PasswordEncoder passwords;
    private final UserSessions sessions;
    private final RequestBodies bodies;

    AdminAccountController(UserStore users, TokenStore tokens, PasswordEncoder passwords, UserSessions sessions,
                           RequestBodies bodies) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.sessions = sessions;
        this.bodies = bodies;
    }

    @GetMapping("/admin/users")
    Envelope list(Caller caller) {
        caller.require(Role.ADMIN);
        return Envelope.data("users", users.all().stream().map(AdminAccountController::view).toList());
    }

    @PostMapping("/admin/users")
    ResponseEntity<Envelope> create(Caller caller, @RequestBody(required = false) NewUser body) {
        caller.require(Role.ADMIN);
        bodies.checked(body);
        String hash = body.password() == null ? null : passwords.encode(checked(body.password()));
        try {
            UserStore.User user = users.create(body.name(), hash, false);
            return ResponseEntity.status(HttpStatus.CREATED).body(Envelope.data("user", view(user)));
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (StorageFailures.isDuplicateKey(e)) {
                throw new ApiException(ErrorCode.CONFLICT, "A user named " + body.name() + " already exists.");
            }
            throw e;
        }
    }

    @PutMapping("/admin/users/{userId}/password")
    Envelope setPassword(Caller caller, @PathVariable String userId, @RequestBody(required = false) NewPassword body,
                         HttpServletRequest request) {
        caller.require(Role.ADMIN);
        long id = Ids.parse(userId, "user id");
        bodies.checked(body);
        UserStore.User user = users.byId(id)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "There is no such user."));
        if (!users.setPasswordHash(id, passwords.encode(checked(body.password())))) {
            throw new ApiException(ErrorCode.NOT_FOUND, "There is no such user.");
        }
        // whoever knew the old password is logged out everywhere; an admin setting their own keeps this login
        HttpSession current = request.getSession(false);
        sessions.endAll(user.name(), current != null && id == caller.userId() ? current.getId() : null);
        return Envelope.message("The password has been set; the user's other logins have ended.");
    }

    /**
     * Deletes a user with their tokens and logins. A user who still owns a service is kept (its snapshots belong to
     * it): delete the service, or give it to another user, first. The panel's admin user is kept too.
     */
    @DeleteMapping("/admin/users/{userId}")
    Envelope delete(Caller caller, @PathVariable String userId) {
        caller.require(Role.ADMIN);
        long id = Ids.parse(userId, "user id");
        UserStore.User user = users.byId(id)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "There is no such user."));
        if (user.admin()) {
            throw new ApiException(ErrorCode.CONFLICT, "The panel's admin user cannot be deleted.");
        }
        try {
            users.delete(id);
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // the service table's foreign key: the check and the delete are one statement, so no race
            if (StorageFailures.isDuplicateKey(e)) {
                throw new ApiException(ErrorCode.CONFLICT, user.name()
                        + " still owns services; delete them or give them to another user first.");
            }
            throw e;
        }
        sessions.endAll(user.name(), null);
        return Envelope.message("User " + user.name() + " has been deleted; their access tokens no longer work.");
    }

    @GetMapping("/admin/users/{userId}/tokens")
    Envelope tokensOf(Caller caller, @PathVariable String userId) {
        caller.require(Role.ADMIN);
        long id = Ids.parse(userId, "user id");
        existingUser(id);
        return Envelope.data("tokens", tokens.ofUser(id).stream().map(t -> Map.of(
                "id", t.id(), "roles", t.roles().stream().map(Role::wireName).sorted().toList(),
                "description", t.description(), "revoked", t.revoked())).toList());
    }

    @PostMapping("/admin/users/{userId}/tokens")
    ResponseEntity<Envelope> createToken(Caller caller, @PathVariable String userId,
                                         @RequestBody(required = false) NewToken body) {
        caller.require(Role.ADMIN);
        long id = Ids.parse(userId, "user id");
        existingUser(id);
        Set<Role> roles = roles(bodies.checked(body).roles());
        String token = AccessTokens.generate();
        String description = body.description() == null ? "" : body.description().strip();
        long tokenId = tokens.create(id, token, roles, description);
        return ResponseEntity.status(HttpStatus.CREATED).body(Envelope.data("token", Map.of(
                "id", tokenId, "access_token", token, "roles", roles.stream().map(Role::wireName).sorted().toList())));
    }

    @DeleteMapping("/admin/tokens/{tokenId}")
    Envelope revoke(Caller caller, @PathVariable String tokenId) {
        caller.require(Role.ADMIN);
        if (!tokens.revoke(Ids.parse(tokenId, "token id"))) {
            throw new ApiException(ErrorCode.NOT_FOUND, "There is no such token.");
        }
        return Envelope.message("The token has been revoked.");
    }

    private void existingUser(long id) {
        if (users.byId(id).isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "There is no such user.");
        }
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Role.fromWireName(String.valueOf(name)).ifPresentOrElse(roles::add, () -> unknown.add(String.valueOf(name)));
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Unknown role: " + String.join(", ", unknown) + ".");
        }
        return roles;
    }

    private static String checked(String password) {
        if (!PasswordRule.allows(password)) {
            throw ApiException.badRequest(PasswordRule.SENTENCE);
        }
        return password;
    }

    private static Map<String, Object> view(UserStore.User user) {
        return Map.of("id", user.id(), "name", user.name(), "admin", user.admin());
    }
}
