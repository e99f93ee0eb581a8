package io.huitong.shared.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sandbox's time: where it was set, plus the real time elapsed since, times the factor. */
class SandboxClockTest {

    private final AtomicLong real = new AtomicLong(Instant.parse("2026-12-07T08:00:00Z").toEpochMilli());
    private final SandboxClock clock = new SandboxClock(real::get);

    private void realTimePasses(Duration d) {
        real.addAndGet(d.toMillis());
    }

    @Test
    void reads_the_real_time_until_set() {
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        realTimePasses(Duration.ofSeconds(90));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T08:01:30Z"));
    }

    @Test
    void at_1440_a_real_minute_is_a_day_and_a_new_speed_goes_on_from_the_time_reached() {
        clock.set(Instant.parse("2026-11-27T02:00:00Z"), 1440);
        realTimePasses(Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));

        clock.set(clock.instant(), 60);
        assertThat(clock.instant()).as("no jump when the speed changes").isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
        realTimePasses(Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-28T03:00:00Z"));
    }

    @Test
    void a_stopped_clock_stands_still_and_a_stored_setting_goes_on_as_if_it_had_run() {
        clock.set(Instant.parse("2026-12-21T01:30:00Z"), 0);
        realTimePasses(Duration.ofHours(5));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-21T01:30:00Z"));

        SandboxClock.Setting stored = new SandboxClock.Setting(Instant.parse("2026-12-01T00:00:00Z"),
                Instant.ofEpochMilli(real.get()).minus(Duration.ofMinutes(2)), 1440);
        clock.resume(stored);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    }

    @Test
    void a_negative_or_absurd_factor_is_refused() {
        assertThatThrownBy(() -> clock.set(Instant.EPOCH, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.set(Instant.EPOCH, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.set(Instant.EPOCH, SandboxClock.MAX_FACTOR * 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.factor()).isEqualTo(1);
    }
}
