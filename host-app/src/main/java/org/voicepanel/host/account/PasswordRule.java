package org.voicepanel.host.account;

import java.nio.charset.StandardCharsets;

/**
 * The one rule for a password, wherever one is set or presented: at least {@value #MIN_CHARACTERS} characters and
 * at most {@value #MAX_BYTES} bytes in UTF-8, the most BCrypt reads (it would silently ignore the rest). Counted in
 * bytes, so 40 letters "ä" (80 bytes) are too long, while 72 plain letters are not.
 */
public final class PasswordRule {

    public static final int MIN_CHARACTERS = 8;
    public static final int MAX_BYTES = 72;
    public static final String SENTENCE = "A password is at least " + MIN_CHARACTERS + " characters and at most "
            + MAX_BYTES + " bytes long in UTF-8 (72 plain letters or digits; accented letters and other scripts"
            + " take two to four bytes each).";

    private PasswordRule() {
    }

    public static boolean allows(String password) {
        return password != null && password.codePointCount(0, password.length()) >= MIN_CHARACTERS
                && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
