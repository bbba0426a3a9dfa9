package org.voicepanel.host.backup.catalog;

import java.util.Locale;

/** Byte counts as people read them in messages: 3.1 MB (powers of 1000, as the page shows them). */
final class Sizes {

    private Sizes() {
    }

    static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
