package org.voicepanel.host.account;

import java.util.Arrays;
import java.util.Optional;

/** The roles a token can carry, under the names of the original hosting API. */
public enum Role {
    ADMIN("ROLE_ADMIN"),
    BACKUPS_READ("ROLE_WEBINTERFACE_BACKUPS_READ"),
    BACKUPS_WRITE("ROLE_WEBINTERFACE_BACKUPS_WRITE"),
    LOGS_READ("ROLE_WEBINTERFACE_LOGS_READ");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName.equals(name)).findFirst();
    }
}
