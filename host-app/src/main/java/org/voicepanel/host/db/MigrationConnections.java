package org.voicepanel.host.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connections migrations use: the panel's own, with a socket timeout, so that a migration
 * whose database stops answering (a node that hangs, a network that drops packets) fails after
 * {@link #READ_TIMEOUT} instead of holding the panel's start for ever. The pool puts the
 * connection's own timeout back when it is returned. Thread-safe.
 */
final class MigrationConnections extends DelegatingDataSource {

    /** Far above the longest statement of any migration on a large snapshot table. */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

    MigrationConnections(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return withTimeout(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return withTimeout(super.getConnection(username, password));
    }

    private static Connection withTimeout(Connection connection) throws SQLException {
        try {
            connection.setNetworkTimeout(Runnable::run, (int) READ_TIMEOUT.toMillis());
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
