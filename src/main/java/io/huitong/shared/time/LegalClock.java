package io.huitong.shared.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of Huitong: the domain reads the same time as the process engine, so a test (or an
 * operator's sandbox) that moves the engine clock moves every legal date with it. In a sandbox the engine's clock
 * is a {@link SandboxClock} that may run fast: timers and legal checks still read one time. Legal dates are
 * reckoned in Asia/Shanghai.
 */
public final class LegalClock extends Clock {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;

    public LegalClock() {
        this(CHINA);
    }

    private LegalClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new LegalClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Today's date in China. */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), CHINA);
    }
}
