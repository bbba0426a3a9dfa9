package org.voicepanel.host.plugin;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.voicepanel.api.BackupHandlers;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.api.BackupRoutes;

/**
 * The host's table of the handlers one provider registered, one per operation; requests are
 * dispatched through it. Host plumbing, not part of the plugin API (plugin tests use the API
 * test-jar's {@code RecordedRoutes}). Thread-safe.
 */
public final class RouteTable implements BackupRoutes {

    private final Map<BackupOperation, Object> handlers = new EnumMap<>(BackupOperation.class);

    private synchronized RouteTable put(BackupOperation operation, Object handler) {
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
