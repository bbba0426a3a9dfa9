package org.voicepanel.host.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.voicepanel.host.PanelProperties;

/**
 * The panel's database: an external MariaDB when {@code spring.datasource.url} is set, otherwise
 * an embedded one under {@code panel.data-dir}. An external database that cannot be reached yet
 * is waited for ({@code panel.database-wait}, 2 minutes by default); then the host's schema is
 * migrated before anything else uses the pool.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabase(@Value("${spring.datasource.url:}") String url, PanelProperties panel,
                                            ObjectProvider<EmbeddedMariaDbEarlyStart.Started> earlyStart) {
        if (!url.isBlank()) {
            return new EmbeddedDatabaseHolder(null);
        }
        EmbeddedMariaDbEarlyStart.Started started = earlyStart.getIfAvailable();
        return new EmbeddedDatabaseHolder(started != null ? started.await()
                : EmbeddedMariaDb.start(panel.dataDir().resolve("db")));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabaseHolder embedded,
                                @Value("${spring.datasource.url:}") String url,
                                @Value("${spring.datasource.username:}") String username,
                                @Value("${spring.datasource.password:}") String password,
                                @Value("${panel.database-wait:2m}") Duration databaseWait,
                                @Value("${panel.galera.causal-reads:true}") boolean causalReads) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("panel");
        String jdbcUrl = embedded.db() != null ? embedded.db().jdbcUrl() : url;
        config.setJdbcUrl(jdbcUrl);
        if (!username.isBlank()) {
            config.setUsername(username);
            config.setPassword(password);
        }
        config.setMaximumPoolSize(16);
        // fail a request quickly when the database is gone, rather than queueing it for 30 s
        config.setConnectionTimeout(5_000);
        // start even when the database is down; requests then answer STORAGE_UNAVAILABLE
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("useServerPrepStmts", "true");
        // the embedded server is never a Galera node
        if (causalReads && embedded.db() == null) {
            CausalReads.configure(config);
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        DatabaseWait.untilReachable(dataSource, DatabaseWait.describe(jdbcUrl), databaseWait);
        SchemaMigrations.migrateHost(dataSource);
        return dataSource;
    }

    @Bean
    Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource);
    }

    /** Keeps the embedded server alive as long as the context, and stops it after the pool. */
    record EmbeddedDatabaseHolder(EmbeddedMariaDb db) implements AutoCloseable {
        @Override
        public void close() {
            if (db != null) {
                db.close();
            }
        }
    }
}
