package io.huitong.interconnect;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Wall-clock time for the exchange between platforms: freshness of signatures and retry back-off. It is not the
 * legal clock, which a sandbox or a test may hold still or move: a message signed now is fresh now, whatever the
 * procedure's clock says.
 */
@Component
class WallClock {

    private final Clock clock;

    WallClock() {
        this(Clock.systemUTC());
    }

    WallClock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }
}
