package org.voicepanel.host.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Waiting for the database at start-up, and naming it without its credentials. */
class DatabaseWaitTest {

    @Test
    void returnsOnceTheDatabaseAnswers() {
        FlakyDataSource dataSource = new FlakyDataSource(2);

        DatabaseWait.untilReachable(dataSource, "jdbc:mariadb://db:3306/panel", Duration.ofSeconds(30));

        assertThat(dataSource.attempts.get()).isEqualTo(3);
    }

    @Test
    void givesUpWithOneSentenceNamingTheDatabaseAndTheCause() {
        FlakyDataSource dataSource = new FlakyDataSource(Integer.MAX_VALUE);

        assertThatThrownBy(() -> DatabaseWait.untilReachable(dataSource, "jdbc:mariadb://db:3306/panel",
                Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The database at jdbc:mariadb://db:3306/panel could not be reached within 1 s"
                        + " (Connection refused). Check spring.datasource.url and that MariaDB is running.");
    }

    @Test
    void describesTheUrlWithoutParametersOrCredentials() {
        assertThat(DatabaseWait.describe("jdbc:mariadb://db:3306/panel?user=root&password=hunter2"))
                .isEqualTo("jdbc:mariadb://db:3306/panel");
        assertThat(DatabaseWait.describe("jdbc:mariadb://root:hunter2@db:3306/panel"))
                .isEqualTo("jdbc:mariadb://db:3306/panel");
        assertThat(DatabaseWait.describe("jdbc:mariadb://db/panel")).isEqualTo("jdbc:mariadb://db/panel");
    }

    /** Refuses the first {@code failures} connections, as a database that is still starting does. */
    private static final class FlakyDataSource implements DataSource {

        private final int failures;
        private final AtomicInteger attempts = new AtomicInteger();

        FlakyDataSource(int failures) {
            this.failures = failures;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (attempts.incrementAndGet() <= failures) {
                throw new SQLTransientConnectionException("panel - Connection is not available",
                        new SQLException("Socket fail to connect", new java.net.ConnectException("Connection refused")));
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> null);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
