package org.voicepanel.host.service;

import java.util.Arrays;
import java.util.Optional;

/**
 * A service's status under the original API's names. Only an active service takes backup writes;
 * a suspended or admin-locked one keeps its snapshots readable (api.md, Service status).
 */
public enum ServiceStatus {
    ACTIVE("active"),
    SUSPENDED("suspended"),
    ADMINLOCKED("adminlocked");

    private final String wireName;

    ServiceStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ServiceStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst();
    }
}
