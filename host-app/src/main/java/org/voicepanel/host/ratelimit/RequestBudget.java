package org.voicepanel.host.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.springframework.stereotype.Repository;
import org.voicepanel.host.db.CertificationRetry;

/**
 * Counts each user's requests per window in one MariaDB row, so that every panel instance on the
 * database spends the same budget. Thread-safe.
 *
 * <p>One statement per request: the upsert leaves the new count in {@code LAST_INSERT_ID(...)}, which comes back in
 * its own answer, so the row is locked only while that one autocommitted statement runs (a transaction of an upsert
 * and a read held it over five round trips, and concurrent requests of one user queued on it).
 */
@Repository
class RequestBudget {

    private static final String COUNT = "INSERT INTO rate_limit_window (user_id, window_start, requests)"
            + " VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE requests = LAST_INSERT_ID(requests + 1)";

    private final Jdbi jdbi;

    RequestBudget(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Counts one request of the user in the window; returns the window's count including it. */
    int spend(long userId, long windowStart) {
        // concurrent upserts of one row deadlock in InnoDB, and lose certification on Galera: a rolled-back
        // statement counted nothing and is simply run again
        int spent = CertificationRetry.run("Counting a request", () -> jdbi.withHandle(h -> count(h.getConnection(),
                userId, windowStart)));
        if (spent == 1) {
            // the user's first request in a new window: the earlier windows are spent
            CertificationRetry.run("Dropping spent request windows", () -> jdbi.useHandle(h -> h.createUpdate(
                            "DELETE FROM rate_limit_window WHERE user_id = ? AND window_start < ?")
                    .bind(0, userId).bind(1, windowStart).execute()));
        }
        return spent;
    }

    private static int count(Connection connection, long userId, long windowStart) {
        try (PreparedStatement upsert = connection.prepareStatement(COUNT, Statement.RETURN_GENERATED_KEYS)) {
            upsert.setLong(1, userId);
            upsert.setLong(2, windowStart);
            if (upsert.executeUpdate() == 1) {
                return 1; // a new row
            }
            try (ResultSet count = upsert.getGeneratedKeys()) {
                if (!count.next()) {
                    throw new IllegalStateException("The database did not answer the request count");
                }
                return count.getInt(1);
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null); // as Jdbi reports a failed statement
        }
    }
}
