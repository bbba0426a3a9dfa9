package org.voicepanel.api;

/**
 * The registry a provider fills with its route handlers. The host owns the HTTP paths,
 * authentication, ownership checks, the per-service lock and the error envelope; a handler
 * only does the voice-server and storage work. An operation left unregistered answers
 * {@code BACKUPS_NOT_SUPPORTED}.
 *
 * <p>Each method may be called once; a second registration of the same operation fails.
 *
 * @since 1.0
 */
public interface BackupRoutes {

    /** {@code GET .../voiceservers/backup} and the list inside {@code GET .../voiceservers}. */
    BackupRoutes list(BackupHandlers.ListSnapshots handler);

    /** The live part of {@code GET .../voiceservers}: status and slots as the server reports them. */
    BackupRoutes status(BackupHandlers.ReadStatus handler);

    /** {@code POST .../voiceservers/backup}; runs under the service lock. */
    BackupRoutes create(BackupHandlers.CreateSnapshot handler);

    /** {@code POST .../voiceservers/backup/upload}; runs under the service lock. */
    BackupRoutes upload(BackupHandlers.UploadSnapshot handler);

    /** {@code GET .../voiceservers/backup/{snapshot}}. */
    BackupRoutes download(BackupHandlers.DownloadSnapshot handler);

    /** {@code DELETE .../voiceservers/backup/{snapshot}}; runs under the service lock. */
    BackupRoutes delete(BackupHandlers.DeleteSnapshot handler);

    /** {@code POST .../voiceservers/backup/{snapshot}/restore}; runs under the service lock. */
    BackupRoutes restore(BackupHandlers.RestoreSnapshot handler);
}
