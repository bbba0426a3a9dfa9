package org.voicepanel.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The plain {@link BackupRoutes}: a table of the handlers a provider registered, one per
 * operation. The host keeps one per provider and dispatches requests through it; a plugin's tests
 * can hand one to their provider and call the handlers as the host would. Thread-safe.
 *
 * @since 1.0
 */
public final class BackupRouteTable implements BackupRoutes {

    private final Map<BackupOperation, Object> handlers = new EnumMap<>(BackupOperation.class);

    private synchronized BackupRouteTable put(BackupOperation operation, Object handler) {
        if (handler == null) {
            throw new IllegalArgumentException("The " + operation + " handler is null");
        }
        if (handlers.putIfAbsent(operation, handler) != null) {
            throw new IllegalStateException("The " + operation + " handler is registered twice");
        }
        return this;
    }

    @Override
    public BackupRoutes list(BackupHandlers.ListSnapshots handler) {
        return put(BackupOperation.LIST, handler);
    }

    @Override
    public BackupRoutes status(BackupHandlers.ReadStatus handler) {
        return put(BackupOperation.STATUS, handler);
    }

    @Override
    public BackupRoutes create(BackupHandlers.CreateSnapshot handler) {
        return put(BackupOperation.CREATE, handler);
    }

    @Override
    public BackupRoutes upload(BackupHandlers.UploadSnapshot handler) {
        return put(BackupOperation.UPLOAD, handler);
    }

    @Override
    public BackupRoutes download(BackupHandlers.DownloadSnapshot handler) {
        return put(BackupOperation.DOWNLOAD, handler);
    }

    @Override
    public BackupRoutes delete(BackupHandlers.DeleteSnapshot handler) {
        return put(BackupOperation.DELETE, handler);
    }

    @Override
    public BackupRoutes restore(BackupHandlers.RestoreSnapshot handler) {
        return put(BackupOperation.RESTORE, handler);
    }

    public synchronized boolean has(BackupOperation operation) {
        return handlers.containsKey(operation);
    }

    /** The handler registered for an operation, typed by the caller: {@code handler(LIST, ListSnapshots.class)}. */
    public synchronized <T> Optional<T> handler(BackupOperation operation, Class<T> type) {
        return Optional.ofNullable(handlers.get(operation)).map(type::cast);
    }
}
