package org.voicepanel.host.backup;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.voicepanel.host.ResourceLimits;

/**
 * How many heavy backup operations this panel runs at once. A snapshot create or restore holds the
 * whole snapshot in memory (ts3-api sends and receives it as one string), a few copies of it at the
 * largest size; so the panel runs as many as its heap holds beside its own working set, never fewer
 * than one. Uploads are spooled to disk, streaming: they are bounded by count instead.
 */
@Configuration(proxyBeanMethods = false)
class BackupLimits {

    private static final Logger log = LoggerFactory.getLogger(BackupLimits.class);
    /** What the panel itself needs of the heap beside the operations (measured: about 80 MB live after start). */
    static final long OWN_HEAP_BYTES = 128L * 1024 * 1024;

    @Bean
    Permits heavyOperations(ResourceLimits limits) {
        int count = heavyOperationsFor(Runtime.getRuntime().maxMemory(), limits.operationMemoryBytes());
        log.info("Snapshot creates and restores: {} at once ({} MB of heap, {} MB each)", count,
                Runtime.getRuntime().maxMemory() >> 20, limits.operationMemoryBytes() >> 20);
        return new Permits(count, limits.operationWait(), "The panel is busy with other snapshot operations; "
                + "please try again in a few seconds.");
    }

    @Bean
    Permits uploadSpools(ResourceLimits limits) {
        return new Permits(Math.max(1, limits.uploadSpools()), Duration.ZERO,
                "The panel is receiving as many uploads as it takes at once; please try again in a few seconds.");
    }

    static int heavyOperationsFor(long maxHeapBytes, long operationMemoryBytes) {
        return (int) Math.max(1, (maxHeapBytes - OWN_HEAP_BYTES) / Math.max(1, operationMemoryBytes));
    }
}
