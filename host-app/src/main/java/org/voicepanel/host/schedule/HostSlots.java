package org.voicepanel.host.schedule;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voicepanel.host.PanelProperties;

/**
 * At most {@code panel.backups.per-host-concurrency} scheduled runs at once against one voice-server host (its
 * address and query port: one TeamSpeak instance), across every panel instance: numbered lease rows per host, taken like the service lock (docs/architecture.md), renewed
 * while the run lasts and expiring after a crash. Times come from the database. Thread-safe.
 */
@Component
class HostSlots implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HostSlots.class);

    private final Jdbi jdbi;
    private final int slots;
    private final Duration lease;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "host-slot-renewer");
        thread.setDaemon(true);
        return thread;
    });

    HostSlots(Jdbi jdbi, BackupsProperties properties, PanelProperties panel) {
        this.jdbi = jdbi;
        this.slots = Math.max(1, properties.perHostConcurrency());
        this.lease = panel.lockLease();
    }

    /** A free slot of the host, or empty when all are taken. */
    Optional<Slot> tryTake(String host) {
        String holder = UUID.randomUUID().toString();
        for (int slot = 0; slot < slots; slot++) {
            try {
                if (insert(host, slot, holder) || deleteExpired(host, slot) && insert(host, slot, holder)) {
                    return Optional.of(new Slot(host, slot, holder));
                }
            } catch (JdbiException e) {
                // a certification or lock conflict: another run takes this slot; try the next
                log.debug("Slot {} of {} contended: {}", slot, host, e.toString());
            }
        }
        return Optional.empty();
    }

    private boolean insert(String host, int slot, String holder) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT IGNORE INTO host_slot (host, slot, holder, expires_at)"
                        + " VALUES (?, ?, ?, UTC_TIMESTAMP(3) + INTERVAL ? * 1000 MICROSECOND)")
                .bind(0, host).bind(1, slot).bind(2, holder).bind(3, lease.toMillis()).execute()) == 1;
    }

    private boolean deleteExpired(String host, int slot) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM host_slot WHERE host = ? AND slot = ?"
                        + " AND expires_at < UTC_TIMESTAMP(3)").bind(0, host).bind(1, slot).execute()) == 1;
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }

    /** A held slot; renewed until closed. */
    final class Slot implements AutoCloseable {

        private final String host;
        private final int slot;
        private final String holder;
        private final ScheduledFuture<?> renewal;

        private Slot(String host, int slot, String holder) {
            this.host = host;
            this.slot = slot;
            this.holder = holder;
            long period = Math.max(1, lease.toMillis() / 3);
            this.renewal = renewer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
        }

        private void renew() {
            try {
                jdbi.useHandle(h -> h.createUpdate("UPDATE host_slot SET expires_at = UTC_TIMESTAMP(3)"
                                + " + INTERVAL ? * 1000 MICROSECOND WHERE host = ? AND slot = ? AND holder = ?")
                        .bind(0, lease.toMillis()).bind(1, host).bind(2, slot).bind(3, holder).execute());
            } catch (RuntimeException e) {
                log.warn("The slot of host {} could not be renewed: {}", host, e.toString());
            }
        }

        @Override
        public void close() {
            renewal.cancel(false);
            try {
                jdbi.useHandle(h -> h.createUpdate("DELETE FROM host_slot WHERE host = ? AND slot = ? AND holder = ?")
                        .bind(0, host).bind(1, slot).bind(2, holder).execute());
            } catch (RuntimeException e) {
                log.warn("The slot of host {} could not be released: {}", host, e.toString());
            }
        }
    }
}
