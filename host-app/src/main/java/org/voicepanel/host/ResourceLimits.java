package org.voicepanel.host;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one request may take of the panel ({@code panel.limits.*}; README, Configuration).
 *
 * @param bodyMaxBytes the largest body of any route but the upload, refused with 413 before it is parsed
 * @param bodyMinBytesPerSecond how fast a request body must arrive on average, once {@code bodyGrace} has passed;
 *                              a slower one is cut off (408) and its connection closed
 * @param bodyGrace how long a body may take before its pace is judged
 * @param uploadSpools how many uploads this panel spools to disk at once; more answer 503
 * @param operationMemoryBytes the heap one snapshot create or restore may need at the largest snapshot; the panel
 *                             runs as many at once as its heap holds
 * @param operationWait how long a create or restore waits for room before it answers 503
 */
@ConfigurationProperties("panel.limits")
public record ResourceLimits(@DefaultValue("65536") long bodyMaxBytes,
                             @DefaultValue("4096") long bodyMinBytesPerSecond,
                             @DefaultValue("10s") Duration bodyGrace,
                             @DefaultValue("2") int uploadSpools,
                             @DefaultValue("268435456") long operationMemoryBytes,
                             @DefaultValue("20s") Duration operationWait) {
}
