package org.voicepanel.host.account;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a user's name and password for the web page's login. A wrong name and a wrong password
 * take the same BCrypt time and give the same answer, so a login cannot tell which names exist.
 * Thread-safe.
 */
@Component
public class PasswordLogin {

    /** What a web page login may do: the user's own backups, and the admin routes for an admin. */
    static final Set<Role> USER_ROLES = EnumSet.of(Role.BACKUPS_READ, Role.BACKUPS_WRITE, Role.LOGS_READ);

    private final UserStore users;
    private final PasswordEncoder passwords;
    private final String decoyHash;

    public PasswordLogin(UserStore users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
        this.decoyHash = passwords.encode("decoy: no user has this password");
    }

    /** The caller a correct name and password stand for; empty for anything else. */
    public Optional<Caller> authenticate(String name, String password) {
        if (name == null || password == null || name.length() > 64
                || password.getBytes(StandardCharsets.UTF_8).length > PasswordRule.MAX_BYTES) {
            // BCrypt would read only the first 72 bytes: such a password is simply wrong, as at user creation
            passwords.matches("", decoyHash);
            return Optional.empty();
        }
        Optional<UserStore.User> user = users.byName(name);
        String hash = user.map(UserStore.User::passwordHash).orElse(null);
        if (hash == null) {
            passwords.matches(password, decoyHash);
            return Optional.empty();
        }
        if (!passwords.matches(password, hash)) {
            return Optional.empty();
        }
        return user.map(PasswordLogin::callerOf);
    }

    private static Caller callerOf(UserStore.User user) {
        Set<Role> roles = EnumSet.copyOf(USER_ROLES);
        if (user.admin()) {
            roles.add(Role.ADMIN);
        }
        return new Caller(user.id(), user.name(), roles);
    }
}
