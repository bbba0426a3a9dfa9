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
 * What each connection of the panel's pool needs on a node of a Galera cluster
 * (docs/operations.md), set on the pool before it starts.
 *
 * <p>Causal reads: a node applies another node's write-sets a little after they commit, so without
 * them a panel on node B answered 404 for a snapshot just stored through node A, and accepted a
 * token just revoked there. With {@code wsrep_sync_wait=1} on every connection, each read first
 * waits until its node has applied everything the cluster committed before it. What it costs per
 * request is measured in docs/operations.md. {@code panel.galera.causal-reads=false} turns it off.
 *
 * <p>Text-protocol statements: a transaction that loses a conflict to a replicated write-set while
 * its node is preparing a server-side statement (COM_STMT_PREPARE) is left "Killed" by MariaDB
 * 10.11 and never answers, so the request hung until its client gave up (seen with one web session
 * used through two nodes at once, and with concurrent creates). With {@code useServerPrepStmts=false} the connector
 * sends each statement as a query, which a conflict aborts cleanly with a deadlock error that the
 * panel runs again ({@link CertificationRetry}).
 *
 * <p>Set as pool properties, so each new connection gets them, whichever way the pool is built:
 * {@link #configure} for a pool the panel builds itself, and this post-processor for a pool not
 * started yet (after its properties are bound). A server that is not a Galera node gets nothing.
 * Where the database cannot be asked yet, each new connection asks its server itself whether to
 * wait, and statements use the text protocol. Thread-safe.
 */
@Component
public class GaleraPool implements BeanPostProcessor, Ordered {

    private static final Logger log = LoggerFactory.getLogger(GaleraPool.class);
    static final String SYNC_WAIT = "SET SESSION wsrep_sync_wait = 1";
    /** For a server that could not be asked at start: every server the panel supports knows the variable. */
    static final String SYNC_WAIT_IF_GALERA = "SET SESSION wsrep_sync_wait = IF(@@GLOBAL.wsrep_on, 1, 0)";
    static final String SERVER_PREPARED_STATEMENTS = "useServerPrepStmts";

    private final boolean enabled;
    private final boolean causalReads;

    public GaleraPool(Environment environment) {
        // the embedded server is never a Galera node
        this.enabled = !environment.getProperty("spring.datasource.url", "").isBlank();
        this.causalReads = causalReads(environment);
    }

    /** Before the pool is started by the host's migrations ({@link MigratedDataSource}). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    static boolean causalReads(Environment environment) {
        return environment.getProperty("panel.galera.causal-reads", Boolean.class, true);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (enabled && bean instanceof HikariDataSource pool && !pool.isRunning()) {
            configure(pool, causalReads);
        }
        return bean;
    }

    /** Sets what a Galera node needs on the pool; call before the pool starts. */
    public static void configure(HikariConfig pool, boolean causalReads) {
        Boolean galera;
        try (Connection probe = probe(pool)) {
            galera = Galera.isOn(probe);
        } catch (SQLException e) {
            galera = null;
        }
        if (Boolean.FALSE.equals(galera)) {
            return;
        }
        pool.addDataSourceProperty(SERVER_PREPARED_STATEMENTS, "false");
        if (!causalReads) {
            return;
        }
        if (pool.getConnectionInitSql() != null) {
            log.warn("Pool {} has a connection init SQL of its own; causal reads are left to it", pool.getPoolName());
            return;
        }
        log.info("Causal reads on: each connection of pool {} waits for its node to catch up before a read"
                + " (wsrep_sync_wait)", pool.getPoolName());
        pool.setConnectionInitSql(galera == null ? SYNC_WAIT_IF_GALERA : SYNC_WAIT);
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
