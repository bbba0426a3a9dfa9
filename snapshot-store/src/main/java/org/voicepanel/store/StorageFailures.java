package org.voicepanel.store;

import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voicepanel.api.BackupException;

/** Turns database failures into the one error users see for them, keeping the SQL details in the log. */
final class StorageFailures {

    private static final Logger log = LoggerFactory.getLogger(StorageFailures.class);

    private StorageFailures() {
    }

    static BackupException unavailable(JdbiException cause) {
        log.warn("Snapshot storage failed: {}", cause.getMessage(), cause);
        return new BackupException(BackupException.Reason.STORAGE_UNAVAILABLE,
                "The snapshot storage is unavailable at the moment; please try again later.", cause);
    }
}
