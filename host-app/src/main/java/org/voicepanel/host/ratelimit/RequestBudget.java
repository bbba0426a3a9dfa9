package org.voicepanel.host.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.springframework.stereotype.Repository;
import org.voicepanel.host.db.CertificationRetry;

/**
 * Counts each user's requests per window in one MariaDB row, so that every panel instance on the
 * database spends the same budget. Thread-safe.
 *
 * <p>One statement per request: an update of the window's row leaves the new count in {@code LAST_INSERT_ID(...)},
 * which comes back in its own answer, so the row is locked only while that one autocommitted statement runs (a
 * transaction of an upsert and a read held it over five round trips, and concurrent requests of one user queued on
 * it). Only the first request of a window, or one whose token no longer stands, goes on to the upsert that creates
 * the row. For a remembered token the same statements are also the proof that the token stands, so such a request
 * does not look it up.
 *
 * <p>Why an update first: the upsert from the token's row ({@code INSERT ... SELECT ... ON DUPLICATE KEY UPDATE})
 * lets one statement through at a time on MariaDB 11.4, about 3,000 a second however many connections run it, while
 * the update with the token in an {@code EXISTS} reached 8,700 a second from eight; under load, a user's concurrent
 * downloads queued on the upsert for 14 ms each.
 */
@Repository
class RequestBudget {

    private static final String ADD = "UPDATE rate_limit_window w SET w.requests = LAST_INSERT_ID(w.requests + 1)"
            + " WHERE w.user_id = ? AND w.window_start = ?";
    /** The same update, made only while the token stands. */
    private static final String ADD_IF_TOKEN_STANDS = ADD + " AND EXISTS (SELECT 1 FROM access_token t"
            + " WHERE t.token_hash = ? AND t.user_id = w.user_id AND t.revoked_at IS NULL)";
    /** Creates the window's row, or counts in it when a concurrent request has just created it. */
    private static final String COUNT = "INSERT INTO rate_limit_window (user_id, window_start, requests)"
            + " VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE requests = LAST_INSERT_ID(requests + 1)";
    /** The same count, made only while the token stands: no row comes from a revoked or deleted token. */
    private static final String COUNT_IF_TOKEN_STANDS = "INSERT INTO rate_limit_window (user_id, window_start,"
            + " requests) SELECT t.user_id, ?, 1 FROM access_token t WHERE t.token_hash = ? AND t.user_id = ?"
            + " AND t.revoked_at IS NULL ON DUPLICATE KEY UPDATE requests = LAST_INSERT_ID(requests + 1)";

    private final Jdbi jdbi;

    RequestBudget(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Counts one request of the user in the window; returns the window's count including it. */
    int spend(long userId, long windowStart) {
        return spend(userId, windowStart, null).orElseThrow();
    }

    /**
     * Counts one request of the user in the window if the token with this hash, the user's, still stands: the
     * proof of a remembered token and the count in one statement. Empty when the token is revoked or gone.
     */
    OptionalInt spendIfTokenStands(String tokenHash, long userId, long windowStart) {
        return spend(userId, windowStart, tokenHash);
    }

    private OptionalInt spend(long userId, long windowStart, String tokenHash) {
        // concurrent upserts of one row deadlock in InnoDB, and lose certification on Galera: a rolled-back
        // statement counted nothing and is simply run again
        OptionalInt counted = CertificationRetry.run("Counting a request", () -> jdbi.withHandle(h -> {
            try {
                return count(h.getConnection(), userId, windowStart, tokenHash);
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null); // as Jdbi reports a failed statement
            }
        }));
        if (counted.isEmpty()) {
            return counted;
        }
        int spent = counted.getAsInt();
        if (spent == 1) {
            // the user's first request in a new window: the earlier windows are spent
            CertificationRetry.run("Dropping spent request windows", () -> jdbi.useHandle(h -> h.createUpdate(
                            "DELETE FROM rate_limit_window WHERE user_id = ? AND window_start < ?")
                    .bind(0, userId).bind(1, windowStart).execute()));
        }
        return counted;
    }

    private static OptionalInt count(Connection connection, long userId, long windowStart, String tokenHash)
            throws SQLException {
        try (PreparedStatement add = connection.prepareStatement(tokenHash == null ? ADD : ADD_IF_TOKEN_STANDS,
                Statement.RETURN_GENERATED_KEYS)) {
            add.setLong(1, userId);
            add.setLong(2, windowStart);
            if (tokenHash != null) {
                add.setString(3, tokenHash);
            }
            if (add.executeUpdate() == 1) {
                return OptionalInt.of(newCount(add));
            }
        }
        return upsert(connection, userId, windowStart, tokenHash);
    }

    private static OptionalInt upsert(Connection connection, long userId, long windowStart, String tokenHash)
            throws SQLException {
        String sql = tokenHash == null ? COUNT : COUNT_IF_TOKEN_STANDS;
        try (PreparedStatement upsert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            if (tokenHash == null) {
                upsert.setLong(1, userId);
                upsert.setLong(2, windowStart);
            } else {
                upsert.setLong(1, windowStart);
                upsert.setString(2, tokenHash);
                upsert.setLong(3, userId);
            }
            int changed = upsert.executeUpdate();
            if (changed == 0) {
                return OptionalInt.empty(); // the token no longer stands
            }
            return OptionalInt.of(changed == 1 ? 1 : newCount(upsert)); // 1: a new row
        }
    }

    /** The count a statement left in {@code LAST_INSERT_ID(...)}. */
    private static int newCount(PreparedStatement statement) throws SQLException {
        try (ResultSet count = statement.getGeneratedKeys()) {
            if (!count.next()) {
                throw new IllegalStateException("The database did not answer the request count");
            }
            return count.getInt(1);
        }
    }
}
