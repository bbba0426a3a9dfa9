package org.voicepanel.host.account;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.voicepanel.host.PanelProperties;
import org.voicepanel.host.db.CertificationRetry;
import org.voicepanel.host.web.StorageFailures;

/**
 * Makes sure an admin can get in: the configured admin token exists, or, on the first start
 * without one, a token is generated and printed once on the console (never to the log). Runs
 * before the web server starts, so the token works from the first request.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN_NAME = "admin";
    /** The description of the token {@code panel.admin-token} made; no other token has it. */
    static final String CONFIGURED = "panel.admin-token";

    private final UserStore users;
    private final TokenStore tokens;
    private final PanelProperties panel;

    AdminBootstrap(UserStore users, TokenStore tokens, PanelProperties panel) {
        this.users = users;
        this.tokens = tokens;
        this.panel = panel;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String configured = panel.adminToken();
        if (configured != null && !configured.isBlank()) {
            // on Galera another panel's insert on another node shows as a lost certification: look again
            CertificationRetry.run("Storing the configured admin token", () -> storeConfigured(configured));
            return;
        }
        if (users.anyAdmin()) {
            return;
        }
        String token = AccessTokens.generate();
        tokens.create(adminUser().id(), token, EnumSet.allOf(Role.class), "generated at first start");
        System.out.println("""

                ================================================================
                 Voice Panel: first start. The admin access token (shown once):
                   %s
                ================================================================
                """.formatted(token));
    }

    private void storeConfigured(String configured) {
        if (tokens.isRevoked(configured)) {
            // nothing else is revoked then: the token that works now stays, so nobody is locked out
            log.warn("panel.admin-token names a token that was revoked (by an admin, or when the setting changed"
                    + " to another value); it stays revoked. Choose a new value.");
            return;
        }
        if (!tokens.exists(configured)) {
            try {
                tokens.create(adminUser().id(), configured, EnumSet.allOf(Role.class), CONFIGURED);
                log.info("The configured admin token is now active.");
            } catch (RuntimeException e) {
                // another panel instance starting on the same database stored it first
                if (!StorageFailures.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
        if (tokens.revokeByDescriptionExcept(CONFIGURED, configured) > 0) {
            log.info("The previously configured admin token no longer works: panel.admin-token has changed.");
        }
    }

    private UserStore.User adminUser() {
        return CertificationRetry.run("Creating the admin user", this::findOrCreateAdmin);
    }

    private UserStore.User findOrCreateAdmin() {
        return users.byName(ADMIN_NAME).orElseGet(() -> {
            try {
                return users.create(ADMIN_NAME, null, true);
            } catch (RuntimeException e) {
                if (!StorageFailures.isDuplicateKey(e)) {
                    throw e;
                }
                return users.byName(ADMIN_NAME).orElseThrow(() -> e);
            }
        });
    }
}
