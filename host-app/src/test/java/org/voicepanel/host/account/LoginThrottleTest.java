package org.voicepanel.host.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voicepanel.host.db.TestDatabase;

/** The throttle on a real MariaDB, with a clock the test moves: thresholds, doubling, the cap, forgetting. */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(TestDatabase.jdbi(), clock,
            new LoginThrottleProperties(3, 10, 100, Duration.ofSeconds(30), Duration.ofMinutes(2),
                    Duration.ofHours(1)));
    private final String user = LoginThrottle.user(TestDatabase.unique("ida"));

    @Test
    void failuresBelowTheThresholdRefuseNothing() {
        assertThat(throttle.recordFailure(List.of(user))).isEmpty();
        assertThat(throttle.recordFailure(List.of(user))).isEmpty();

        assertThat(throttle.refusal(List.of(user))).isEmpty();
    }

    @Test
    void theThresholdRefusesForTheBlockThenEachFailureDoublesItUpToTheCap() {
        throttle.recordFailure(List.of(user));
        throttle.recordFailure(List.of(user));

        assertThat(throttle.recordFailure(List.of(user)).orElseThrow().retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.refusal(List.of(user)).orElseThrow().retryAfterSeconds()).isEqualTo(30);
        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.refusal(List.of(user))).isEmpty();
        assertThat(throttle.recordFailure(List.of(user)).orElseThrow().retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.recordFailure(List.of(user)).orElseThrow().retryAfter())
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(throttle.recordFailure(List.of(user)).orElseThrow().retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aRightLoginClearsTheNameButNotTheAddress() {
        String address = LoginThrottle.address(TestDatabase.unique("192.0.2.1"));
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure(List.of(user, address));
        }
        throttle.recordSuccess(user);

        assertThat(throttle.refusal(List.of(user))).isEmpty();
        assertThat(throttle.refusal(List.of(address))).isPresent();
        assertThat(throttle.refusal(List.of(user, address))).isPresent();
    }

    @Test
    void failuresOlderThanTheForgetTimeNoLongerCount() {
        throttle.recordFailure(List.of(user));
        throttle.recordFailure(List.of(user));
        clock.advance(Duration.ofHours(2));

        assertThat(throttle.recordFailure(List.of(user))).isEmpty();
        assertThat(throttle.refusal(List.of(user))).isEmpty();
    }

    @Test
    void aNameLongerThanAnyUsersFitsTheTable() {
        String longName = LoginThrottle.user("x".repeat(10_000));

        assertThat(longName.length()).isLessThan(200);
        assertThat(throttle.recordFailure(List.of(longName))).isEmpty();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
