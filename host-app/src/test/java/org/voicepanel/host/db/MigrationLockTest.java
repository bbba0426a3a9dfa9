package org.voicepanel.host.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The migration lock on a real MariaDB, two panels played by two callers. */
class MigrationLockTest {

    private final DataSource dataSource = TestDatabase.dataSource();
    private final String owner = TestDatabase.unique("owner");

    @Test
    void secondPanelWaitsWhileTheFirstHoldsTheLockAndGetsItOnRelease() throws Exception {
        MigrationLock first = MigrationLock.acquire(dataSource, owner, Duration.ofSeconds(5));
        CompletableFuture<MigrationLock> second = CompletableFuture.supplyAsync(
                () -> MigrationLock.acquire(dataSource, owner, Duration.ofSeconds(30)));

        assertThatThrownBy(() -> second.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        first.close();

        second.get(10, TimeUnit.SECONDS).close();
        assertThat(holders()).isZero();
    }

    @Test
    void lockOfAPanelThatDiedIsTakenOnceItsLeaseHasRunOut() {
        TestDatabase.jdbi().useHandle(h -> h.execute("INSERT INTO " + MigrationLock.TABLE
                + " (owner, holder, expires_at) VALUES (?, 'a killed panel', UTC_TIMESTAMP(3) - INTERVAL 1 SECOND)",
                owner));

        try (MigrationLock lock = MigrationLock.acquire(dataSource, owner, Duration.ofSeconds(5))) {
            String holder = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT holder FROM "
                    + MigrationLock.TABLE + " WHERE owner = ?").bind(0, owner).mapTo(String.class).one());
            assertThat(holder).isNotEqualTo("a killed panel");
        }
    }

    @Test
    void waitGivesUpAfterItsPatienceNamingTheSchemaAndTheHolder() {
        try (MigrationLock held = MigrationLock.acquire(dataSource, owner, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> MigrationLock.acquire(dataSource, owner, Duration.ofMillis(600)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("The schema of " + owner + " stayed locked by another panel");
        }
    }

    @Test
    void eachSchemaOwnerHasItsOwnLock() {
        try (MigrationLock host = MigrationLock.acquire(dataSource, owner, Duration.ofSeconds(5));
             MigrationLock plugin = MigrationLock.acquire(dataSource, owner + "-plugin", Duration.ofSeconds(1))) {
            assertThat(holders()).isEqualTo(1);
        }
    }

    private long holders() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + MigrationLock.TABLE
                + " WHERE owner = ?").bind(0, owner).mapTo(Long.class).one());
    }
}
