package org.voicepanel.host.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The scheduled runs' metrics (docs/backups.md), served to admins at {@code /actuator/prometheus}:
 * {@code panel_backups_runs_total{result}}, {@code panel_backups_run_duration_seconds},
 * {@code panel_backups_stored_bytes_total}, {@code panel_backups_rotated_total} and
 * {@code panel_backups_run_lateness_seconds}. Thread-safe.
 */
@Component
class BackupMetrics {

    private final MeterRegistry registry;
    private final Timer duration;
    private final Timer lateness;
    private final Counter storedBytes;
    private final Counter rotated;

    BackupMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duration = Timer.builder("panel.backups.run.duration")
                .description("How long a scheduled run took, from its start to its end").register(registry);
        this.lateness = Timer.builder("panel.backups.run.lateness")
                .description("How long after its planned start a scheduled run started").register(registry);
        this.storedBytes = Counter.builder("panel.backups.stored.bytes").baseUnit("bytes")
                .description("Bytes of snapshots stored by scheduled runs").register(registry);
        this.rotated = Counter.builder("panel.backups.rotated")
                .description("Scheduled snapshots removed by rotation").register(registry);
    }

    void finished(String result, Duration took) {
        count(result);
        duration.record(took);
    }

    /** A run that found its service busy and waits to try again: counted, no duration. */
    void busy() {
        count("busy");
    }

    private void count(String result) {
        Counter.builder("panel.backups.runs").description("Scheduled runs by result").tag("result", result)
                .register(registry).increment();
    }

    void started(Duration late) {
        lateness.record(late.isNegative() ? Duration.ZERO : late);
    }

    void stored(long bytes) {
        storedBytes.increment(bytes);
    }

    void rotated(int snapshots) {
        rotated.increment(snapshots);
    }
}
