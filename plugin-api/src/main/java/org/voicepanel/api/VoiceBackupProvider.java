package org.voicepanel.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Backs up and restores one or more kinds of voice server.
 *
 * <p>The host creates one instance per plugin at start-up through its extension factory,
 * passing a {@link ProviderContext} to a public constructor that takes one (or calling a
 * public no-argument constructor). It then calls {@link #voiceServerTypes()} once,
 * {@link #connectionFields(String)} once per type and {@link #registerRoutes(BackupRoutes)} once.
 * From then on the registered handlers are called concurrently from request threads until the
 * panel stops; then, after the last handler call has returned, {@link #close()} is called once.
 *
 * <p>Implementations must be thread-safe and keep no per-service state: everything about
 * the voice server arrives with each call in {@link BackupRequest}.
 *
 * @since 1.0
 */
public interface VoiceBackupProvider extends ExtensionPoint, AutoCloseable {

    /**
     * The voice-server types this provider serves, such as {@code "teamspeak3"}: lower-case
     * letters, digits and dashes. A type already claimed by another loaded plugin is refused
     * and the later plugin is reported as failed.
     */
    Set<String> voiceServerTypes();

    /**
     * The connection fields a service of {@code type} needs besides its host and slots, in the order
     * an admin page shows them. The host validates, stores (secret ones encrypted) and passes them
     * in {@link VoiceService}; names must not be {@code type}, {@code host} or {@code slots}.
     *
     * @since 2.0
     */
    default List<ConnectionField> connectionFields(String type) {
        return List.of();
    }

    /** Registers the handlers of the backup routes this provider offers. */
    void registerRoutes(BackupRoutes routes);

    /**
     * How the host seals this provider's stored snapshot files again after a key rotation; called once, after
     * {@link #registerRoutes(BackupRoutes)}. A provider that stores sealed files should offer one (the
     * {@code snapshot-store} module's {@code SnapshotStore.resealer()}): without it its files keep the key they
     * were sealed with, and that key can never be removed. The default offers none.
     *
     * @since 2.1
     */
    default Optional<SnapshotFileResealer> snapshotFileResealer() {
        return Optional.empty();
    }

    /**
     * Releases what the provider holds (threads, connections, native resources). Called once when
     * the panel stops or the plugin fails after it was created; no handler runs during or after it.
     *
     * @since 2.0
     */
    @Override
    default void close() {
    }
}
