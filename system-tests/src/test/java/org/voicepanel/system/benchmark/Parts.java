package org.voicepanel.system.benchmark;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which parts of the benchmark run: all by default, or those named in {@code -Dbenchmark.only=download,list}
 * (startup, create, download, list, paced, status, big, fleet) when working on one figure.
 */
record Parts(Set<String> named) {

    static Parts fromProperty(String value) {
        return new Parts(Arrays.stream(value.split(",")).map(String::strip).filter(part -> !part.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    boolean all() {
        return named.isEmpty();
    }

    boolean includes(String part) {
        return all() || named.contains(part);
    }
}
