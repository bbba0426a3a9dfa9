package org.voicepanel.host.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pool is Spring Boot's: a {@code spring.datasource.hikari.*} property takes effect, the panel's defaults hold
 * where none is given, and on the embedded MariaDB it connects over the socket as the panel's own account, after the
 * host's migrations.
 */
@SpringBootTest(properties = {
        "spring.datasource.hikari.maximum-pool-size=3",
        "spring.datasource.hikari.minimum-idle=1",
        "spring.datasource.hikari.pool-name=custom-pool"})
class PoolPropertiesIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    Jdbi jdbi;

    @DynamicPropertySource
    static void panel(DynamicPropertyRegistry registry) {
        var home = TestDatabase.buildDir().resolve("pool-it-" + System.nanoTime());
        registry.add("panel.data-dir", () -> home.resolve("data").toString());
        registry.add("panel.plugins-dir", () -> home.resolve("plugins").toString());
        registry.add("panel.admin-token", () -> "pool-it-admin-token");
    }

    @Test
    void standardPoolPropertiesTakeEffectAndThePanelsDefaultsStay() {
        HikariDataSource pool = (HikariDataSource) dataSource;

        assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
        assertThat(pool.getMinimumIdle()).isEqualTo(1);
        assertThat(pool.getPoolName()).isEqualTo("custom-pool");
        assertThat(pool.getConnectionTimeout()).isEqualTo(5000);
        assertThat(pool.getInitializationFailTimeout()).isEqualTo(-1);
        assertThat(pool.getDataSourceProperties()).containsEntry("useServerPrepStmts", "true");
    }

    @Test
    void theEmbeddedDatabaseIsReachedOverItsSocketAsThePanelsAccountAfterTheMigrations() {
        String user = jdbi.withHandle(h -> h.createQuery("SELECT CURRENT_USER()").mapTo(String.class).one());
        int migrations = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM flyway_history_host WHERE success")
                .mapTo(Integer.class).one());

        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).contains("unixSocket=").doesNotContain("password");
        assertThat(user).isEqualTo("panel@localhost");
        assertThat(migrations).isGreaterThanOrEqualTo(3);
    }
}
