package org.voicepanel.host.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * FOR TESTS ONLY. With {@code panel.test.clock-offset-file} set, the panel's clock runs ahead of the system clock by
 * the number of milliseconds written in that file (re-read at most every 50 ms), so tests move the panel through
 * days of due times without waiting. Never set it in production: schedules, cooldowns and snapshot times all follow
 * this clock. Database-side leases (service locks, host slots) keep real time.
 */
final class OffsetFileClock extends Clock {

    private static final long REREAD_MILLIS = 50;

    private final Path file;
    private volatile long offsetMillis;
    private volatile long readAt;

    OffsetFileClock(Path file) {
        this.file = file;
    }

    @Override
    public Instant instant() {
        long now = System.currentTimeMillis();
        if (now - readAt > REREAD_MILLIS) {
            try {
                String text = Files.readString(file).trim();
                offsetMillis = text.isEmpty() ? 0 : Long.parseLong(text);
            } catch (IOException | NumberFormatException e) {
                // a file being rewritten: keep the last offset
            }
            readAt = now;
        }
        return Instant.ofEpochMilli(now + offsetMillis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ZonedView(this, zone);
    }

    /** The same moving clock seen in another zone. */
    private static final class ZonedView extends Clock {

        private final Clock moving;
        private final ZoneId zone;

        ZonedView(Clock moving, ZoneId zone) {
            this.moving = moving;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return moving.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new ZonedView(moving, other);
        }
    }

    /** Makes the moving clock the panel's when the test-only property is set. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("panel.test.clock-offset-file")
    static class TestClockConfiguration {

        @Bean
        @Primary
        Clock offsetFileClock(@Value("${panel.test.clock-offset-file}") Path file) {
            return new OffsetFileClock(file);
        }
    }
}
