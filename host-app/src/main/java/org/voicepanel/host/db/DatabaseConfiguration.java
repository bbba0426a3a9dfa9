package org.voicepanel.host.db;

import java.time.Duration;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.voicepanel.host.PanelProperties;

/**
 * The panel's database: an external MariaDB when {@code spring.datasource.url} is set, otherwise an embedded one
 * under {@code panel.data-dir}. The pool is Spring Boot's own (its DataSource auto-configuration, so every
 * {@code spring.datasource.*} and {@code spring.datasource.hikari.*} property applies; the panel's defaults are in
 * application.properties); the panel only supplies where the embedded database is. A database that cannot be
 * reached yet is waited for ({@code panel.database-wait}); then the host's schema is migrated before anything
 * else gets the pool ({@link MigratedDataSource}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabase(DataSourceProperties properties, PanelProperties panel,
                                            ObjectProvider<EmbeddedMariaDbEarlyStart.Started> earlyStart) {
        if (external(properties)) {
            return new EmbeddedDatabaseHolder(null);
        }
        EmbeddedMariaDbEarlyStart.Started started = earlyStart.getIfAvailable();
        return new EmbeddedDatabaseHolder(started != null ? started.await()
                : EmbeddedMariaDb.start(panel.dataDir().resolve("db")));
    }

    /** Where Boot's pool connects: the configured database, or the embedded one with the panel's own account. */
    @Bean
    JdbcConnectionDetails jdbcConnectionDetails(DataSourceProperties properties, EmbeddedDatabaseHolder embedded) {
        EmbeddedMariaDb db = embedded.db();
        if (db == null) {
            return new JdbcConnectionDetails() {
                @Override
                public String getJdbcUrl() {
                    return properties.determineUrl();
                }

                @Override
                public String getUsername() {
                    return properties.determineUsername();
                }

                @Override
                public String getPassword() {
                    return properties.determinePassword();
                }

                @Override
                public String getDriverClassName() {
                    return properties.determineDriverClassName();
                }
            };
        }
        return new JdbcConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return db.jdbcUrl();
            }

            @Override
            public String getUsername() {
                return db.username();
            }

            @Override
            public String getPassword() {
                return db.password();
            }
        };
    }

    @Bean
    static MigratedDataSource migratedDataSource(Environment environment) {
        return new MigratedDataSource(environment.getProperty("panel.database-wait", Duration.class,
                Duration.ofMinutes(2)));
    }

    @Bean
    Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource);
    }

    private static boolean external(DataSourceProperties properties) {
        return properties.getUrl() != null && !properties.getUrl().isBlank();
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
