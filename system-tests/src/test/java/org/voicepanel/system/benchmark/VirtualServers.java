package org.voicepanel.system.benchmark;

import com.github.theholywaffle.teamspeak3.TS3Query.FloodRate;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;

/** Grows the simulator's virtual servers until their snapshots have the wanted size. */
final class VirtualServers {

    private final ServerQuerySimulator simulator;
    private final DirectWork direct;

    VirtualServers(ServerQuerySimulator simulator, DirectWork direct) {
        this.simulator = simulator;
        this.direct = direct;
    }

    /**
     * Adds channels with random (incompressible) descriptions until the snapshot text is about {@code bytes} long.
     *
     * @return the snapshot's size in bytes
     */
    long grow(int virtualServerId, long bytes, int descriptionBytes) {
        simulator.virtualServer(virtualServerId); // created (online) on first use
        long empty = size(virtualServerId);
        int first = (int) Math.max(1, (bytes - empty) / descriptionBytes);
        simulator.virtualServer(virtualServerId).addChannels(first, descriptionBytes);
        long size = size(virtualServerId);
        double perChannel = (size - empty) / (double) first;
        int more = (int) ((bytes - size) / perChannel);
        if (more > 0) {
            simulator.virtualServer(virtualServerId).addChannels(more, descriptionBytes);
            size = size(virtualServerId);
        }
        return size;
    }

    private long size(int virtualServerId) {
        return direct.createSnapshot(virtualServerId, FloodRate.UNLIMITED).length();
    }
}
