package io.huitong.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Huitong's own login throttle, for the API's HTTP Basic and the webapps' login form alike. Failures are counted
 * per user name <em>and</em> client address, so a rival guessing a bidder's password from elsewhere does not shut
 * the bidder out (EB20 31: a bid not decrypted in time would be the bidder's fault); after {@code free-attempts}
 * failures each further one locks that pair for a delay that doubles from {@code base-delay} up to
 * {@code max-delay}, never longer; a success, or {@code forget-after} without failures, starts afresh. Camunda's own
 * lock is switched off (application.yaml: it locks a user for good after 10 failures, whoever made them).
 * Counts live in memory on each node, at most {@code max-tracked} pairs. Time is the project's clock.
 */
@Component
public class LoginThrottle {

    private final Clock clock;
    private final int freeAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final int maxTracked;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    /** Camunda's user ids are at most 64 characters (ACT_ID_USER.ID_). */
    private static final int MAX_USER_ID = 64;

    LoginThrottle(Clock clock,
            @Value("${huitong.security.login-throttle.free-attempts:5}") int freeAttempts,
            @Value("${huitong.security.login-throttle.base-delay:PT1S}") Duration baseDelay,
            @Value("${huitong.security.login-throttle.max-delay:PT60S}") Duration maxDelay,
            @Value("${huitong.security.login-throttle.forget-after:PT15M}") Duration forgetAfter,
            @Value("${huitong.security.login-throttle.max-tracked:10000}") int maxTracked) {
        this.clock = clock;
        this.freeAttempts = freeAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
        this.maxTracked = maxTracked;
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    /** Until when the user may not log in from that address; null when it may. */
    public Instant lockedUntil(String user, String address) {
        Failures f = failures.get(key(user, address));
        Instant now = clock.instant();
        return f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now) ? f.lockedUntil() : null;
    }

    /**
     * Counts a failure; answers until when the pair is now locked (null if not). A name longer than any user id
     * (64 characters) names nobody and is not tracked: it cannot be guessed into, and it would only fill memory.
     */
    public Instant failed(String user, String address) {
        Instant now = clock.instant();
        if (user == null || user.length() > MAX_USER_ID) {
            return null;
        }
        if (failures.size() >= maxTracked) {
            forgetOld(now);
            if (failures.size() >= maxTracked && !failures.containsKey(key(user, address))) {
                // every tracked pair is locked right now: a flood of names cannot evict a live lock
                return null;
            }
        }
        Failures f = failures.compute(key(user, address), (k, old) -> {
            int count = old == null || old.last().plus(forgetAfter).isBefore(now) ? 1 : old.count() + 1;
            Instant until = null;
            if (count > freeAttempts) {
                int doublings = Math.min(count - freeAttempts - 1, 30);
                Duration delay = baseDelay.multipliedBy(1L << doublings);
                until = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
            }
            return new Failures(count, now, until);
        });
        return f.lockedUntil();
    }

    public void succeeded(String user, String address) {
        failures.remove(key(user, address));
    }

    /** The longest a lock can last. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** Forgets stale pairs, then the oldest unlocked ones; a live lock is never forgotten. */
    private void forgetOld(Instant now) {
        failures.entrySet().removeIf(e -> e.getValue().last().plus(forgetAfter).isBefore(now));
        while (failures.size() >= maxTracked) {
            var oldest = failures.entrySet().stream()
                    .filter(e -> e.getValue().lockedUntil() == null || !e.getValue().lockedUntil().isAfter(now))
                    .min(Comparator.comparing(e -> e.getValue().last()));
            if (oldest.isEmpty()) {
                return;
            }
            failures.remove(oldest.get().getKey());
        }
    }

    private static String key(String user, String address) {
        return user + "\u0000" + address;
    }
}
