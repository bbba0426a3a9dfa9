package org.voicepanel.host.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One rule, in bytes: BCrypt reads 72 bytes of UTF-8, so that is the limit, not 72 characters. */
class PasswordRuleTest {

    @Test
    void seventyTwoPlainLettersAreAllowedAndSeventyThreeAreNot() {
        assertThat(PasswordRule.allows("a".repeat(72))).isTrue();
        assertThat(PasswordRule.allows("a".repeat(73))).isFalse();
    }

    @Test
    void accentedLettersCountTwoBytesEach() {
        assertThat(PasswordRule.allows("ä".repeat(36))).isTrue();
        assertThat(PasswordRule.allows("ä".repeat(37))).isFalse();
        assertThat(PasswordRule.allows("ä".repeat(40))).isFalse();
    }

    @Test
    void theMinimumIsInCharactersSoShortScriptsAreNotFavoured() {
        assertThat(PasswordRule.allows("a".repeat(7))).isFalse();
        assertThat(PasswordRule.allows("🎧".repeat(7))).isFalse();
        assertThat(PasswordRule.allows("🎧".repeat(8))).isTrue();
        assertThat(PasswordRule.allows(null)).isFalse();
    }

    @Test
    void theSentenceNamesBothLimits() {
        assertThat(PasswordRule.SENTENCE).contains("at least 8 characters", "at most 72 bytes");
    }
}
