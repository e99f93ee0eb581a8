package io.huitong.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's memory: bounded, and no flood of names evicts a lock that is in force. */
class LoginThrottleTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);
    private final LoginThrottle throttle = new LoginThrottle(clock, 2, Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofMinutes(15), 10);

    @Test
    void a_flood_of_other_names_does_not_evict_a_lock_in_force() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("victim-guesser", "10.0.0.9");
        }
        assertThat(throttle.lockedUntil("victim-guesser", "10.0.0.9")).isNotNull();
        for (int i = 0; i < 1000; i++) {
            throttle.failed("junk" + i, "10.0.0.9");
        }
        assertThat(throttle.lockedUntil("victim-guesser", "10.0.0.9")).as("still locked").isNotNull();
    }

    @Test
    void a_name_longer_than_any_user_id_is_not_tracked() {
        String huge = "x".repeat(8000);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.failed(huge, "10.0.0.9")).isNull();
        }
        assertThat(throttle.lockedUntil(huge, "10.0.0.9")).isNull();
        assertThat(throttle.failed("x".repeat(64), "10.0.0.9")).as("64 characters is a user id").isNull();
        throttle.failed("x".repeat(64), "10.0.0.9");
        assertThat(throttle.failed("x".repeat(64), "10.0.0.9")).as("tracked: the third failure locks").isNotNull();
    }
}
