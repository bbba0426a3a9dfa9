package org.voicepanel.host.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits at start-up for a database that cannot be reached yet (an external MariaDB that starts
 * after the panel, or is restarting), saying so in the log, instead of failing on the first
 * refused connection. Once the wait ({@code panel.database-wait}) is over the panel stops with one
 * sentence that names the database and the cause. Nothing else can work without the database:
 * the schema, the plugins' tables and the admin token all live there.
 */
final class DatabaseWait {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWait.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration REPEAT_NOTICE = Duration.ofSeconds(15);

    private DatabaseWait() {
    }

    /**
     * Returns once a connection can be had.
     *
     * @param where the database as the log may name it (no credentials)
     * @throws IllegalStateException when {@code patience} ran out
     */
    static void untilReachable(DataSource dataSource, String where, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        Instant nextNotice = Instant.now();
        boolean waited = false;
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                if (waited) {
                    log.info("The database at {} is reachable now; the panel goes on starting.", where);
                }
                return;
            } catch (SQLException e) {
                String cause = causeOf(e);
                if (!Instant.now().isBefore(deadline)) {
                    log.error("The database at {} could not be reached within {} s ({}); the panel stops.", where,
                            patience.toSeconds(), cause);
                    throw new IllegalStateException("The database at " + where + " could not be reached within "
                            + patience.toSeconds() + " s (" + cause + "). Check spring.datasource.url and that"
                            + " MariaDB is running.");
                }
                if (!Instant.now().isBefore(nextNotice)) {
                    log.warn("The database at {} cannot be reached ({}); the panel waits for it, at most {} s in all"
                            + " (panel.database-wait).", where, cause, patience.toSeconds());
                    nextNotice = Instant.now().plus(REPEAT_NOTICE);
                }
                waited = true;
                sleep();
            }
        }
    }

    /** The JDBC URL without its parameters, which may carry a user name or password. */
    static String describe(String jdbcUrl) {
        int parameters = jdbcUrl.indexOf('?');
        String bare = parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters);
        int credentials = bare.indexOf('@');
        int scheme = bare.indexOf("//");
        return credentials > scheme && scheme >= 0 ? bare.substring(0, scheme + 2) + bare.substring(credentials + 1)
                : bare;
    }

    private static String causeOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().replaceAll("\\s+", " ");
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }
}
