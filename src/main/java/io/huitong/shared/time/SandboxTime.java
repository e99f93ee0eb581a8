package io.huitong.shared.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sandbox's time, when there is one: with {@code huitong.acceleration.factor} above 1, or under the
 * {@code sandbox} profile, the {@link SandboxClock} is installed beneath the engine's clock at start-up, so that
 * timers and legal checks read one time that runs fast. Where it was last set is stored, so a restart goes on from
 * there. The job executor follows the speed: its locks last as long in sandbox time as they would in real time, and
 * it looks for due timers at least every {@value #MAX_WAIT_MILLIS} ms. In production (factor 1, no sandbox profile)
 * nothing of this happens: the engine's clock is the real time.
 */
@Component
class SandboxTime implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxTime.class);

    /** How long the job executor waits at most, in real time, before it looks for due timers again. */
    static final long MAX_WAIT_MILLIS = 2000;

    private final SandboxClock clock;
    private final JdbcClient jdbc;
    private final ProcessEngine engine;
    private final Double configuredFactor;
    private final boolean active;
    private int baseLockMillis = -1;

    SandboxTime(SandboxClock clock, JdbcClient jdbc, ProcessEngine engine, Environment environment,
            @Value("${huitong.acceleration.factor:#{null}}") Double factor) {
        if (factor != null && !(factor >= 1 && factor <= SandboxClock.MAX_FACTOR)) {
            throw new IllegalArgumentException("huitong.acceleration.factor must be 1 (off) to "
                    + SandboxClock.MAX_FACTOR + ": " + factor);
        }
        this.clock = clock;
        this.jdbc = jdbc;
        this.engine = engine;
        this.configuredFactor = factor;
        this.active = factor != null && factor > 1 || environment.acceptsProfiles(Profiles.of("sandbox"));
    }

    /** Whether this is a sandbox (its clock may run fast or be moved). */
    public boolean active() {
        return active;
    }

    public SandboxClock clock() {
        return clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!active) {
            return;
        }
        Optional<SandboxClock.Setting> stored = stored();
        stored.ifPresent(clock::resume);
        double factor = configuredFactor != null ? configuredFactor : stored.map(SandboxClock.Setting::factor).orElse(1.0);
        clock.set(clock.instant(), factor);
        store(clock.setting());
        JobExecutor jobs = jobExecutor();
        jobs.setMaxWait(Math.min(jobs.getMaxWait(), MAX_WAIT_MILLIS));
        jobs.setWaitTimeInMillis((int) Math.min(jobs.getWaitTimeInMillis(), MAX_WAIT_MILLIS));
        follow(factor);
        clock.install();
        LOG.info("Sandbox clock: {} in China, {} times as fast as real time", clock.instant().atZone(LegalClock.CHINA),
                factor);
    }

    /** Sets the sandbox's time and speed (the sandbox profile's clock API). */
    @Transactional
    public synchronized SandboxClock.Setting set(Instant at, double factor) {
        clock.set(at, factor);
        store(clock.setting());
        follow(factor);
        clock.install();
        return clock.setting();
    }

    /** The job executor's locks last as long in sandbox time as configured in real time (a job is not run twice). */
    private void follow(double factor) {
        JobExecutor jobs = jobExecutor();
        if (baseLockMillis < 0) {
            baseLockMillis = jobs.getLockTimeInMillis();
        }
        jobs.setLockTimeInMillis((int) Math.min(Integer.MAX_VALUE, baseLockMillis * Math.max(1, factor)));
    }

    private JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }

    private Optional<SandboxClock.Setting> stored() {
        return jdbc.sql("select set_to, real_at, factor from sandbox_clock where id = 1")
                .query((rs, i) -> new SandboxClock.Setting(rs.getTimestamp("set_to").toInstant(),
                        rs.getTimestamp("real_at").toInstant(), rs.getDouble("factor")))
                .optional();
    }

    private void store(SandboxClock.Setting setting) {
        Timestamp at = Timestamp.from(setting.at());
        Timestamp realAt = Timestamp.from(setting.realAt());
        if (jdbc.sql("update sandbox_clock set set_to = ?, real_at = ?, factor = ? where id = 1")
                .params(at, realAt, setting.factor()).update() == 0) {
            jdbc.sql("insert into sandbox_clock (id, set_to, real_at, factor) values (1, ?, ?, ?)")
                    .params(at, realAt, setting.factor()).update();
        }
    }
}
