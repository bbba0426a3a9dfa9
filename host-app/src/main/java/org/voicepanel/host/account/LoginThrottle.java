package org.voicepanel.host.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per user name and per client address in the database, shared by every panel instance. Once
 * a user name has {@code panel.login.max-failures} recent failures (an address
 * {@code panel.login.max-address-failures}), every attempt for it is refused, even a right one,
 * for a time that starts at {@code panel.login.block} and doubles with each further failure up to
 * {@code panel.login.max-block}. A right login clears its user name's count, not its address's, so one valid account
 * cannot be used to reset a guesser's address. Thread-safe.
 */
@Component
public class LoginThrottle {

    /** A refusal: how long until the subject may try again. */
    public record Refusal(Duration retryAfter) {
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final LoginThrottleProperties limits;

    public LoginThrottle(Jdbi jdbi, Clock clock, LoginThrottleProperties limits) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.limits = limits;
    }

    private static final String USER = "user:";
    private static final String TOKEN_ADDRESS = "token-address:";

    /** A name longer than any user's is counted under its hash, which fits the column. */
    public static String user(String name) {
        return USER + (name.length() <= 64 ? name : AccessTokens.hash(name));
    }

    public static String address(String address) {
        return "address:" + address;
    }

    public static String tokenAddress(String address) {
        return TOKEN_ADDRESS + address;
    }

    /** Whether any of {@code subjects} is refused now. */
    public Optional<Refusal> refusal(List<String> subjects) {
        LocalDateTime now = now();
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(blocked_until) FROM login_failure"
                        + " WHERE subject IN (<subjects>) AND blocked_until > :now")
                .bindList("subjects", subjects).bind("now", now)
                .mapTo(LocalDateTime.class).findOne()
                .map(until -> new Refusal(Duration.between(now, until))));
    }

    /** Counts a failure for each subject; returns the refusal it brought on, if any. */
    public Optional<Refusal> recordFailure(List<String> subjects) {
        LocalDateTime now = now();
        return jdbi.inTransaction(h -> {
            Optional<Refusal> refusal = Optional.empty();
            for (String subject : subjects) {
                Optional<Refusal> one = recordFailure(h, subject, now);
                if (one.isPresent() && (refusal.isEmpty()
                        || one.get().retryAfter().compareTo(refusal.get().retryAfter()) > 0)) {
                    refusal = one;
                }
            }
            return refusal;
        });
    }

    /** A right login: its user name's failures are forgotten. */
    public void recordSuccess(String userSubject) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_failure WHERE subject = ?").bind(0, userSubject)
                .execute());
    }

    private Optional<Refusal> recordFailure(Handle h, String subject, LocalDateTime now) {
        // MariaDB evaluates the assignments left to right: failures sees the old last_failure_at
        h.createUpdate("INSERT INTO login_failure (subject, failures, last_failure_at) VALUES (:subject, 1, :now)"
                        + " ON DUPLICATE KEY UPDATE failures = IF(last_failure_at < :forgotten, 1, failures + 1),"
                        + " blocked_until = IF(failures = 1, NULL, blocked_until), last_failure_at = :now")
                .bind("subject", subject).bind("now", now)
                .bind("forgotten", now.minus(limits.forgetAfter()))
                .execute();
        int failures = h.createQuery("SELECT failures FROM login_failure WHERE subject = ?").bind(0, subject)
                .mapTo(Integer.class).one();
        int limit = subject.startsWith(USER) ? limits.maxFailures()
                : subject.startsWith(TOKEN_ADDRESS) ? limits.maxTokenFailures() : limits.maxAddressFailures();
        if (failures < limit) {
            return Optional.empty();
        }
        Duration block = blockAfter(failures - limit);
        h.createUpdate("UPDATE login_failure SET blocked_until = ? WHERE subject = ?")
                .bind(0, now.plus(block)).bind(1, subject).execute();
        return Optional.of(new Refusal(block));
    }

    /** {@code block} at the threshold, doubled for each failure past it, at most {@code maxBlock}. */
    Duration blockAfter(int failuresPastLimit) {
        int doublings = Math.min(failuresPastLimit, 30);
        Duration block = limits.block().multipliedBy(1L << doublings);
        return block.compareTo(limits.maxBlock()) > 0 ? limits.maxBlock() : block;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
