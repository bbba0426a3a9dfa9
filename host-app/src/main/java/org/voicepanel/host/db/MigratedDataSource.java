package org.voicepanel.host.db;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Hands the pool on only once the database is there and the host's schema is migrated: waits for a database that
 * cannot be reached yet ({@link DatabaseWait}), then runs the host's migrations. As a post-processor of the
 * DataSource bean it runs after Spring Boot has configured the pool and before any other bean gets it.
 */
final class MigratedDataSource implements BeanPostProcessor {

    private final Duration databaseWait;

    MigratedDataSource(Duration databaseWait) {
        this.databaseWait = databaseWait;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            String where = bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                    ? DatabaseWait.describe(hikari.getJdbcUrl()) : "spring.datasource.url";
            DatabaseWait.untilReachable(dataSource, where, databaseWait);
            SchemaMigrations.migrateHost(dataSource);
        }
        return bean;
    }
}
