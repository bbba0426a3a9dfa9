package org.voicepanel.host.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** What the panel's pool is told on a MariaDB that is no Galera node, or that cannot be asked yet. */
class GaleraPoolTest {

    @Test
    void serverThatIsNoGaleraNodeGetsNothing() {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(((HikariDataSource) TestDatabase.dataSource()).getJdbcUrl());

        GaleraPool.configure(pool, true);

        assertThat(pool.getConnectionInitSql()).isNull();
        assertThat(pool.getDataSourceProperties()).doesNotContainKey(GaleraPool.SERVER_PREPARED_STATEMENTS);
    }

    @Test
    void databaseThatCannotBeAskedYetLeavesTheQuestionToEachConnection() throws IOException {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + freePort() + "/panel");

        GaleraPool.configure(pool, true);

        assertThat(pool.getConnectionInitSql()).isEqualTo(GaleraPool.SYNC_WAIT_IF_GALERA);
        assertThat(pool.getDataSourceProperties()).containsEntry(GaleraPool.SERVER_PREPARED_STATEMENTS, "false");
    }

    @Test
    void thatQuestionIsHarmlessOnAServerThatIsNoGaleraNode() throws Exception {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(GaleraPool.SYNC_WAIT_IF_GALERA);
            try (ResultSet rs = statement.executeQuery("SELECT @@SESSION.wsrep_sync_wait")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            assertThat(Galera.isOn(connection)).isFalse();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
