package org.voicepanel.teamspeak.simulator;

/** A channel of a virtual server, as far as snapshots and {@code channellist} need one. Immutable. */
record Channel(int id, int parentId, String name, String description) {
}
