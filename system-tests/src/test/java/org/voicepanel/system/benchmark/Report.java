package org.voicepanel.system.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** docs/benchmarks.md: when and where it ran, then one table of every figure with its baseline and ratio. */
final class Report {

    static final String KEPT_HEADING = "## Profile notes";

    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String loadBefore = loadAverage();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
        System.out.println("[benchmark] " + line(row));
    }

    void note(String note) {
        notes.add(note);
        System.out.println("[benchmark] note: " + note);
    }

    String markdown(long elapsedNanos) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by the benchmark run (see the README: `./mvnw -B clean verify -Pbenchmark -DskipTests`).")
                .append(" Every panel figure stands next to a baseline measured in the same run on the same machine:")
                .append(" the work the panel cannot avoid, done directly (ts3-api against the ServerQuery simulator,")
                .append(" plain JDBC against the same MariaDB server). The ratio is panel ÷ baseline; for throughput")
                .append(" higher is better, for times lower is better.\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| date | ").append(started).append(" |\n");
        md.append("| machine | ").append(machine()).append(" |\n");
        md.append("| load average (1, 5, 15 min) | before ").append(loadBefore).append(", after ")
                .append(loadAverage()).append(" |\n");
        md.append("| run took | ").append(Figures.seconds(elapsedNanos)).append(" |\n\n");
        md.append("| measure | panel | baseline | ratio | target | |\n|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(line(row)).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\nNotes:\n\n");
            for (String note : notes) {
                md.append("- ").append(note).append('\n');
            }
        }
        return md.toString();
    }

    void write(Path file, long elapsedNanos) throws IOException {
        String markdown = markdown(elapsedNanos) + keptSection(file);
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown);
        System.out.println(markdown);
        System.out.println("[benchmark] written to " + file);
    }

    /**
     * The file's section headed {@value #KEPT_HEADING}, to its end: what the profile showed for a missed target,
     * written by hand and kept by the next run, which rewrites everything above it.
     */
    private static String keptSection(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String old = Files.readString(file);
        int at = old.indexOf("\n" + KEPT_HEADING + "\n");
        return at < 0 ? "" : old.substring(at);
    }

    private static String line(Row row) {
        return String.join(" | ", row.measure(), row.panel(), row.baseline(), row.ratio(), row.target(),
                row.verdict());
    }

    private static String machine() {
        String cpu = "unknown CPU";
        String memory = "";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format("%.0f GB RAM", Long.parseLong(l.replaceAll("[^0-9]", ""))
                            / 1024.0 / 1024.0)).orElse("");
            os = Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .findFirst().map(l -> l.substring(l.indexOf('=') + 1).replace("\"", "")).orElse(os);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep what the JVM knows
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + ", " + os + ", Java "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
