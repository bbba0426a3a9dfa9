package org.voicepanel.teamspeak.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every line clients sent, over all connections in arrival order, and a count per command name, so tests can
 * assert on what really reached the wire (e.g. that a deploy was sent exactly once). Thread-safe.
 */
final class CommandLog {

    private final List<String> lines = new ArrayList<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    synchronized void line(String line) {
        lines.add(line);
    }

    void command(String name) {
        counts.merge(name, 1, Integer::sum);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    int count(String name) {
        return counts.getOrDefault(name, 0);
    }

    synchronized void clear() {
        lines.clear();
        counts.clear();
    }
}
