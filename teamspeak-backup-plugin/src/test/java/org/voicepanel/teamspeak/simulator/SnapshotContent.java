package org.voicepanel.teamspeak.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a snapshot carries and a deploy restores: the virtual server's properties ({@code virtualserver_*}, decoded)
 * and its channels in tree order. Clients and permissions travel as fixed boilerplate only. Immutable.
 */
record SnapshotContent(Map<String, String> serverProperties, List<Channel> channels) {

    SnapshotContent {
        serverProperties = Collections.unmodifiableMap(new LinkedHashMap<>(serverProperties));
        channels = List.copyOf(channels);
    }
}
