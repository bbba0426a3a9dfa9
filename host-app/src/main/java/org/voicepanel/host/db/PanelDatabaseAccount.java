package org.voicepanel.host.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.voicepanel.host.OwnerOnlyFiles;

/**
 * The embedded MariaDB's account for the panel: user {@value #USER} on {@code localhost}, with a password generated
 * at the first start and kept in an owner-only file of the data folder, where an operator finds it to inspect the
 * database (README, "The embedded database"). The password is 256 random bits in base64url, so it needs no quoting
 * in SQL. Immutable; {@link #toString()} never shows the password.
 */
record PanelDatabaseAccount(String user, String password) {

    static final String USER = "panel";
    static final String PASSWORD_FILE = "panel-user.password";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the password from {@code file}, or generates it there; {@code file}'s folder is owner-only. */
    static PanelDatabaseAccount readOrGenerate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            OwnerOnlyFiles.createNew(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n");
        }
        OwnerOnlyFiles.restrict(file);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!password.matches("[A-Za-z0-9_-]{20,}")) {
            throw new IllegalStateException("The embedded database's password file " + file + " is damaged; delete"
                    + " it and the panel makes a new password at its next start.");
        }
        return new PanelDatabaseAccount(USER, password);
    }

    @Override
    public String toString() {
        return "PanelDatabaseAccount[user=" + user + "]";
    }
}
