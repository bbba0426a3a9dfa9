package org.voicepanel.host.ratelimit;

import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;
import org.voicepanel.host.db.CertificationRetry;

/**
 * Counts each user's requests per window in one MariaDB row, so that every panel instance on the
 * database spends the same budget. One upsert and one read in a transaction: the row lock keeps
 * concurrent counts exact. Thread-safe.
 */
@Repository
class RequestBudget {

    private final Jdbi jdbi;

    RequestBudget(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Counts one request of the user in the window; returns the window's count including it. */
    int spend(long userId, long windowStart) {
        // concurrent upserts of one row deadlock in InnoDB, and lose certification on Galera: the
        // rolled-back count is simply counted again
        return CertificationRetry.run("Counting a request", () -> jdbi.inTransaction(h -> {
            int affected = h.createUpdate("INSERT INTO rate_limit_window (user_id, window_start, requests) VALUES (?, ?, 1)"
                            + " ON DUPLICATE KEY UPDATE requests = requests + 1")
                    .bind(0, userId).bind(1, windowStart).execute();
            if (affected == 1) {
                // the user's first request in a new window: the earlier windows are spent
                h.createUpdate("DELETE FROM rate_limit_window WHERE user_id = ? AND window_start < ?")
                        .bind(0, userId).bind(1, windowStart).execute();
            }
            return h.createQuery("SELECT requests FROM rate_limit_window WHERE user_id = ? AND window_start = ?")
                    .bind(0, userId).bind(1, windowStart).mapTo(Integer.class).one();
        }));
    }
}
