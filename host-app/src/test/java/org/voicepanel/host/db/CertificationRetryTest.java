package org.voicepanel.host.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which failures run again, and how often. */
class CertificationRetryTest {

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void lostCertificationRunsAgainAndReturnsTheWinningAttempt() {
        String result = CertificationRetry.run("test", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException(new SQLTransactionRollbackException(
                        "WSREP detected deadlock/conflict and aborted the transaction", "40001", 1213));
            }
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void conflictThatKeepsLosingIsThrownAfterTheLastAttempt() {
        assertThatThrownBy(() -> CertificationRetry.run("test", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException(new SQLException("Deadlock found", "40001", 1213));
        })).hasRootCauseMessage("Deadlock found");
        assertThat(attempts).hasValue(CertificationRetry.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRepeated() {
        assertThatThrownBy(() -> CertificationRetry.run("test", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException(new SQLException("Duplicate entry", "23000", 1062));
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
