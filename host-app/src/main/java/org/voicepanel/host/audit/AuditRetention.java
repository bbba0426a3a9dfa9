package org.voicepanel.host.audit;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.voicepanel.host.db.ChoreLease;

/**
 * Deletes audit entries older than {@code panel.audit.retention}, on one instance at a time (the
 * chore's lease), in batches so that no delete holds many rows locked.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final String CHORE = "audit-retention";
    private static final int BATCH = 5_000;
    /** Bounds one run: the rest waits for the next. */
    private static final int MAX_BATCHES = 200;

    private final AuditLog auditLog;
    private final ChoreLease lease;
    private final AuditProperties properties;
    private final Clock clock;

    AuditRetention(AuditLog auditLog, ChoreLease lease, AuditProperties properties, Clock clock) {
        this.auditLog = auditLog;
        this.lease = lease;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${panel.audit.prune-interval:1h}", fixedDelayString = "${panel.audit.prune-interval:1h}")
    void prune() {
        try {
            // held for most of an interval: the other instances skip this round
            if (!lease.take(CHORE, properties.pruneInterval().multipliedBy(9).dividedBy(10))) {
                return;
            }
            var cutoff = clock.instant().minus(properties.retention());
            long deleted = 0;
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                int n = auditLog.pruneBefore(cutoff, BATCH);
                deleted += n;
                if (n < BATCH) {
                    break;
                }
            }
            if (deleted > 0) {
                log.info("Audit retention: {} entries older than {} deleted", deleted, cutoff);
            }
        } catch (RuntimeException e) {
            log.warn("Audit retention did not run: {}", e.toString());
        }
    }
}
