package org.voicepanel.host.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Read-after-write across the nodes of a Galera cluster. A node applies another node's write-sets
 * a little after they commit, so without this a panel on node B answered 404 for a snapshot just
 * stored through node A, and accepted a token just revoked there. With {@code wsrep_sync_wait=1}
 * on every connection of the panel's pool, each read first waits until its node has applied
 * everything the cluster committed before it: sign-ins, tokens, sessions and snapshot reads all see
 * the latest write. What it costs per request is measured in docs/operations.md.
 *
 * <p>Set as the pool's {@code connectionInitSql}, so each new connection gets it once, whichever way
 * the pool is built: {@link #configure} for a pool the panel builds itself, and this post-processor
 * for a pool not started yet (after its properties are bound). A server that is not a Galera node
 * gets nothing. Where the database cannot be asked yet, each new connection asks its server itself.
 * {@code panel.galera.causal-reads=false} turns it off. Thread-safe.
 */
@Component
public class CausalReads implements BeanPostProcessor, Ordered {

    private static final Logger log = LoggerFactory.getLogger(CausalReads.class);
    static final String SYNC_WAIT = "SET SESSION wsrep_sync_wait = 1";
    /** For a server that could not be asked at start: every server the panel supports knows the variable. */
    static final String SYNC_WAIT_IF_GALERA = "SET SESSION wsrep_sync_wait = IF(@@GLOBAL.wsrep_on, 1, 0)";

    private final boolean enabled;

    public CausalReads(Environment environment) {
        // the embedded server is never a Galera node
        this.enabled = enabled(environment) && !environment.getProperty("spring.datasource.url", "").isBlank();
    }

    /** Before the pool is started by the host's migrations ({@link MigratedDataSource}). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    static boolean enabled(Environment environment) {
        return environment.getProperty("panel.galera.causal-reads", Boolean.class, true);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (enabled && bean instanceof HikariDataSource pool && !pool.isRunning()) {
            configure(pool);
        }
        return bean;
    }

    /** Sets the pool's connection init SQL when its database is a Galera node; call before the pool starts. */
    public static void configure(HikariConfig pool) {
        if (pool.getConnectionInitSql() != null) {
            log.warn("Pool {} has a connection init SQL of its own; causal reads are left to it", pool.getPoolName());
            return;
        }
        String initSql;
        try (Connection probe = probe(pool)) {
            initSql = Galera.isOn(probe) ? SYNC_WAIT : null;
        } catch (SQLException e) {
            initSql = SYNC_WAIT_IF_GALERA;
        }
        if (initSql != null) {
            log.info("Causal reads on: each connection of pool {} waits for its node to catch up before a read"
                    + " (wsrep_sync_wait)", pool.getPoolName());
            pool.setConnectionInitSql(initSql);
        }
    }

    private static Connection probe(HikariConfig pool) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.putIfAbsent("connectTimeout", "3000");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
}
