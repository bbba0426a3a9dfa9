package org.voicepanel.api.testing;

import org.voicepanel.api.BackupHandlers;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.api.BackupRoutes;

/**
 * The routes a provider registered, kept for a test to call as the host would. Each getter fails the
 * test when the provider did not register that operation. Not thread-safe while registering.
 */
public final class RecordedRoutes implements BackupRoutes {

    private BackupHandlers.ListSnapshots list;
    private BackupHandlers.ReadStatus status;
    private BackupHandlers.CreateSnapshot create;
    private BackupHandlers.UploadSnapshot upload;
    private BackupHandlers.DownloadSnapshot download;
    private BackupHandlers.DeleteSnapshot delete;
    private BackupHandlers.RestoreSnapshot restore;

    @Override
    public BackupRoutes list(BackupHandlers.ListSnapshots handler) {
        list = once(list, handler, BackupOperation.LIST);
        return this;
    }

    @Override
    public BackupRoutes status(BackupHandlers.ReadStatus handler) {
        status = once(status, handler, BackupOperation.STATUS);
        return this;
    }

    @Override
    public BackupRoutes create(BackupHandlers.CreateSnapshot handler) {
        create = once(create, handler, BackupOperation.CREATE);
        return this;
    }

    @Override
    public BackupRoutes upload(BackupHandlers.UploadSnapshot handler) {
        upload = once(upload, handler, BackupOperation.UPLOAD);
        return this;
    }

    @Override
    public BackupRoutes download(BackupHandlers.DownloadSnapshot handler) {
        download = once(download, handler, BackupOperation.DOWNLOAD);
        return this;
    }

    @Override
    public BackupRoutes delete(BackupHandlers.DeleteSnapshot handler) {
        delete = once(delete, handler, BackupOperation.DELETE);
        return this;
    }

    @Override
    public BackupRoutes restore(BackupHandlers.RestoreSnapshot handler) {
        restore = once(restore, handler, BackupOperation.RESTORE);
        return this;
    }

    /** Whether the provider registered {@code operation}. */
    public boolean has(BackupOperation operation) {
        return switch (operation) {
            case LIST -> list != null;
            case STATUS -> status != null;
            case CREATE -> create != null;
            case UPLOAD -> upload != null;
            case DOWNLOAD -> download != null;
            case DELETE -> delete != null;
            case RESTORE -> restore != null;
        };
    }

    public BackupHandlers.ListSnapshots list() {
        return registered(list, BackupOperation.LIST);
    }

    public BackupHandlers.ReadStatus status() {
        return registered(status, BackupOperation.STATUS);
    }

    public BackupHandlers.CreateSnapshot create() {
        return registered(create, BackupOperation.CREATE);
    }

    public BackupHandlers.UploadSnapshot upload() {
        return registered(upload, BackupOperation.UPLOAD);
    }

    public BackupHandlers.DownloadSnapshot download() {
        return registered(download, BackupOperation.DOWNLOAD);
    }

    public BackupHandlers.DeleteSnapshot delete() {
        return registered(delete, BackupOperation.DELETE);
    }

    public BackupHandlers.RestoreSnapshot restore() {
        return registered(restore, BackupOperation.RESTORE);
    }

    private static <H> H once(H previous, H handler, BackupOperation operation) {
        if (handler == null) {
            throw new IllegalArgumentException("The " + operation + " handler is null");
        }
        if (previous != null) {
            throw new IllegalStateException("The " + operation + " handler is registered twice");
        }
        return handler;
    }

    private static <H> H registered(H handler, BackupOperation operation) {
        if (handler == null) {
            throw new AssertionError(operation + " is not registered");
        }
        return handler;
    }
}
