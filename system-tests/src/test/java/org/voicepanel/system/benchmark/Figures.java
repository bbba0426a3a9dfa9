package org.voicepanel.system.benchmark;

import java.util.ArrayList;
import java.util.List;

/** Order statistics of measured durations (nanoseconds), and how the report prints numbers. */
final class Figures {

    private Figures() {
    }

    static double median(List<Long> nanos) {
        return percentile(nanos, 50);
    }

    /** Nearest-rank percentile, in nanoseconds. */
    static double percentile(List<Long> nanos, double percent) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static String millis(double nanos) {
        double ms = nanos / 1e6;
        return ms >= 100 ? String.format("%.0f ms", ms) : String.format("%.1f ms", ms);
    }

    static String seconds(double nanos) {
        return String.format("%.2f s", nanos / 1e9);
    }

    static String megabytes(double bytes) {
        return bytes < 100_000 ? String.format("%.1f KB", bytes / 1e3) : String.format("%.1f MB", bytes / 1e6);
    }

    static String ratio(double value) {
        return String.format(value < 10 ? "%.3f×" : "%.1f×", value);
    }
}
