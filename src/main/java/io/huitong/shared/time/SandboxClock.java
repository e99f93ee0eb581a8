package io.huitong.shared.time;

import java.time.Instant;
import java.util.function.LongSupplier;
import org.joda.time.DateTimeUtils;

/**
 * The time of a sandbox: the instant it was last set to, plus the real time elapsed since, times a factor (1440:
 * a day passes in a minute; 0: time stands still). Installed beneath the process engine's clock
 * ({@code ClockUtil} reads Joda's {@link DateTimeUtils}), it is the one time that the engine's timers and every
 * legal check ({@link LegalClock}) read: a timer waits for the legal date itself, and when it fires the checks see
 * that date has come. Legal dates are computed from this time by the legal calendar, so they are the same at any
 * speed; only the wait for them is shorter.
 */
final class SandboxClock implements DateTimeUtils.MillisProvider {

    /** Where the sandbox's time was last set: at this real time it read {@code at}, running {@code factor} times. */
    public record Setting(Instant at, Instant realAt, double factor) {
    }

    /** The fastest a sandbox runs: a day in under a second. */
    public static final double MAX_FACTOR = 100_000;

    private final LongSupplier realMillis;
    private volatile Setting setting;

    /** A sandbox clock over the real time of {@code realMillis}, reading the real time at first, at factor 1. */
    public SandboxClock(LongSupplier realMillis) {
        this.realMillis = realMillis;
        Instant real = Instant.ofEpochMilli(realMillis.getAsLong());
        this.setting = new Setting(real, real, 1);
    }

    @Override
    public long getMillis() {
        Setting s = setting;
        long elapsed = realMillis.getAsLong() - s.realAt().toEpochMilli();
        return s.at().toEpochMilli() + (long) (elapsed * s.factor());
    }

    /** The sandbox's time now. */
    public Instant instant() {
        return Instant.ofEpochMilli(getMillis());
    }

    public Setting setting() {
        return setting;
    }

    public double factor() {
        return setting.factor();
    }

    /** From now on the sandbox's time is {@code at}, running {@code factor} times as fast as real time. */
    public synchronized void set(Instant at, double factor) {
        if (!(factor >= 0 && factor <= MAX_FACTOR)) {
            throw new IllegalArgumentException("a sandbox clock's factor is 0 (stopped) to " + MAX_FACTOR + ": " + factor);
        }
        setting = new Setting(at, Instant.ofEpochMilli(realMillis.getAsLong()), factor);
    }

    /** Resumes a stored setting: the time goes on as if the clock had run meanwhile. */
    public synchronized void resume(Setting stored) {
        setting = stored;
    }

    /** Makes this the clock that the engine and the legal checks read (JVM-wide, as the engine's clock is). */
    public void install() {
        DateTimeUtils.setCurrentMillisProvider(this);
    }
}
