package org.voicepanel.host.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.voicepanel.host.db.CertificationRetry;

/**
 * Spring Session's writes (a login's new session, each request's last-access time, a logout) run
 * again when they lose a certification race. One session used through two panels on two Galera
 * nodes at once (a browser whose requests the balancer spreads) makes both update the same row;
 * the loser's update used to answer 500. Each write sets the session's whole state, so running it
 * again is safe, and the later state wins as it would on one node.
 */
@Configuration(proxyBeanMethods = false)
class SessionTransactions {

    /** The name Spring Session looks for. */
    @Bean
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
        return new RetriedTransactions(new TransactionTemplate(transactionManager));
    }

    private record RetriedTransactions(TransactionOperations transactions) implements TransactionOperations {

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return CertificationRetry.run("Saving a web session", () -> transactions.execute(action));
        }
    }
}
