package org.voicepanel.teamspeak.simulator;

/**
 * The one escape codec of the simulator, following the ServerQuery manual's table (docs/teamspeak.md 1.3).
 *
 * <p>Decoding is a single left-to-right pass on purpose: replacing sequences one after another (as ts3-api 1.2.0
 * does) turns {@code \\s} into a space instead of {@code \s}. Stateless and thread-safe.
 */
final class QueryEscaping {

    private QueryEscaping() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case ' ' -> out.append("\\s");
                case '|' -> out.append("\\p");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 11 -> out.append("\\v");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            out.append(switch (next) {
                case 's' -> ' ';
                case 'p' -> '|';
                case 'a' -> (char) 7;
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'v' -> (char) 11;
                // "\\" and "\/" and any unknown pair: the character itself
                default -> next;
            });
        }
        return out.toString();
    }
}
