package org.voicepanel.api;

import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Backs up and restores one or more kinds of voice server.
 *
 * <p>The host creates one instance per plugin at start-up through its extension factory,
 * passing a {@link ProviderContext} to a public constructor that takes one (or calling a
 * public no-argument constructor). It then calls {@link #voiceServerTypes()} once and
 * {@link #registerRoutes(BackupRoutes)} once. From then on the registered handlers are
 * called concurrently from request threads until the panel stops.
 *
 * <p>Implementations must be thread-safe and keep no per-service state: everything about
 * the voice server arrives with each call in {@link BackupRequest}.
 *
 * @since 1.0
 */
public interface VoiceBackupProvider extends ExtensionPoint {

    /**
     * The voice-server types this provider serves, such as {@code "teamspeak3"}: lower-case
     * letters, digits and dashes. A type already claimed by another loaded plugin is refused
     * and the later plugin is reported as failed.
     */
    Set<String> voiceServerTypes();

    /** Registers the handlers of the backup routes this provider offers. */
    void registerRoutes(BackupRoutes routes);
}
