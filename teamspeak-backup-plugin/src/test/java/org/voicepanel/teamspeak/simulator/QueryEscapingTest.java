package org.voicepanel.teamspeak.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryEscapingTest {

    @Test
    void escapesEveryCharacterOfTheManualsTable() {
        assertThat(QueryEscaping.escape("\\/ |\u0007\b\f\n\r\t\u000b"))
                .isEqualTo("\\\\\\/\\s\\p\\a\\b\\f\\n\\r\\t\\v");
    }

    @Test
    void unescapingRestoresEveryCharacter() {
        String original = "C:\\share\\new / a|b \u0007\b\f\n\r\t\u000b ünïcode";
        assertThat(QueryEscaping.unescape(QueryEscaping.escape(original))).isEqualTo(original);
    }

    @Test
    void decodesInOneLeftToRightPassSoAnEscapedBackslashStaysABackslash() {
        // ts3-api 1.2.0 decodes this to "C:\ hare" + newline + "ew"; the simulator must not
        assertThat(QueryEscaping.unescape("C:\\\\share\\\\new")).isEqualTo("C:\\share\\new");
        assertThat(QueryEscaping.unescape("\\\\s")).isEqualTo("\\s");
    }

    @Test
    void base64SlashesTravelAsEscapedSlashes() {
        assertThat(QueryEscaping.escape("KLUv/WQ=")).isEqualTo("KLUv\\/WQ=");
        assertThat(QueryEscaping.unescape("KLUv\\/WQ=")).isEqualTo("KLUv/WQ=");
    }

    @Test
    void leavesAnUnknownEscapeAsItsCharacterAndATrailingBackslashAsIs() {
        assertThat(QueryEscaping.unescape("a\\xb\\")).isEqualTo("axb\\");
    }
}
