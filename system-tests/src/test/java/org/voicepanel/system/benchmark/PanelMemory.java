package org.voicepanel.system.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a panel process used at most: heap (from its GC log) and resident memory (from /proc). */
final class PanelMemory {

    /** {@code GC(3) Pause Young (Normal) (G1 Evacuation Pause) 120M->40M(256M) 3.1ms}: heap before -> after (size). */
    private static final Pattern COLLECTION = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private PanelMemory() {
    }

    /** The JVM option that writes the log {@link #peakHeapBytes} reads. */
    static String gcLogOption(Path log) {
        return "-Xlog:gc:file=" + log;
    }

    /** The largest heap occupancy the GC log shows (the heap just before a collection), in bytes. */
    static long peakHeapBytes(Path gcLog) throws IOException {
        long peak = 0;
        Matcher matcher = COLLECTION.matcher(Files.readString(gcLog));
        while (matcher.find()) {
            peak = Math.max(peak, bytes(matcher.group(1), matcher.group(2)));
            peak = Math.max(peak, bytes(matcher.group(3), matcher.group(4)));
        }
        return peak;
    }

    /** How many collections the GC log shows. */
    static long collections(Path gcLog) throws IOException {
        return COLLECTION.matcher(Files.readString(gcLog)).results().count();
    }

    /** VmHWM: the peak resident set size of the process, in bytes. */
    static long peakRssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmHWM for process " + pid);
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value * 1024;
            case "M" -> value * 1024 * 1024;
            default -> value * 1024 * 1024 * 1024;
        };
    }
}
