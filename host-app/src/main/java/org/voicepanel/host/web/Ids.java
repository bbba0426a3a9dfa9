package org.voicepanel.host.web;

/** Ids in paths are positive integers; anything else is a 400, never a 500 or a 404. */
public final class Ids {

    private Ids() {
    }

    public static long parse(String raw, String what) {
        if (raw != null && raw.length() <= 18 && raw.chars().allMatch(c -> c >= '0' && c <= '9') && !raw.isEmpty()) {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        }
        throw ApiException.badRequest("The " + what + " must be a positive integer.");
    }
}
