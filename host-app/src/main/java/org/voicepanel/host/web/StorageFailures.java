package org.voicepanel.host.web;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Tells a lost database apart from a bug: only the former is STORAGE_UNAVAILABLE. */
public final class StorageFailures {

    private StorageFailures() {
    }

    public static boolean isConnectionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof org.jdbi.v3.core.ConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database rolled the transaction back because another one raced it for the same
     * rows: an InnoDB deadlock, or on Galera a failed certification. Both report SQLState 40001;
     * running the work again is safe and sees the winner's result.
     */
    public static boolean isTransactionConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransactionRollbackException
                    || t instanceof java.sql.SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a write broke a unique key (someone else, maybe another panel instance, wrote it first) or a foreign
     * key (a row still referenced): both are integrity constraint violations.
     */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
