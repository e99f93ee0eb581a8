package io.huitong.bench.lifecycle;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Moves many tenders through the same steps together: the engine's one clock jumps from step to step (legal
 * periods are days long), and between jumps each step runs for every tender on a pool of workers. Due jobs are
 * executed by the pool too, as the job executor would.
 */
public final class Lockstep implements AutoCloseable {

    interface Step<T> {
        void run(T item) throws Exception;
    }

    private final ProcessEngine engine;
    private final ExecutorService pool;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private final java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();

    /** The processor time the workers spent on steps and jobs since the last call, in seconds; starts again. */
    double cpuSeconds() {
        return cpuNanos.getAndSet(0) / 1e9;
    }

    private final java.util.Map<String, Long> laps = new java.util.LinkedHashMap<>();
    private long lapStart = System.nanoTime();

    /** Ends a stretch of steps: its wall time is added to the name's. */
    void lap(String name) {
        long now = System.nanoTime();
        laps.merge(name, now - lapStart, Long::sum);
        lapStart = now;
    }

    /** The wall time of each stretch since the last reset, in seconds, and starts again. */
    String laps() {
        StringBuilder text = new StringBuilder();
        laps.forEach((name, nanos) -> text.append(text.length() == 0 ? "" : ", ").append(name)
                .append(String.format(java.util.Locale.ROOT, " %.2f s", nanos / 1e9)));
        laps.clear();
        lapStart = System.nanoTime();
        return text.toString();
    }

    public Lockstep(ProcessEngine engine, int workers) {
        this.engine = engine;
        this.pool = Executors.newFixedThreadPool(workers);
    }

    public static void clockAt(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse(localDateTime + "+08:00[Asia/Shanghai]").toInstant()));
    }

    /** Runs the step for every item on the pool; the first failure fails the batch. */
    <T> void each(List<T> items, Step<T> step) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (T item : items) {
            running.add(pool.submit(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                try {
                    step.run(item);
                } finally {
                    cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
    }

    /** Executes every job due at the clock's time until none is left; a job that collides is tried again. */
    public int runDueJobs() throws Exception {
        int ran = 0;
        for (int pass = 0; pass < 100; pass++) {
            List<Job> due = engine.getManagementService().createJobQuery().executable().list();
            if (due.isEmpty()) {
                return ran;
            }
            each(due, job -> {
                for (int attempt = 0; ; attempt++) {
                    try {
                        engine.getManagementService().executeJob(job.getId());
                        return;
                    } catch (OptimisticLockingException e) {
                        if (attempt > 5) {
                            throw e;
                        }
                    } catch (org.camunda.bpm.engine.exception.NullValueException gone) {
                        return; // done by another worker meanwhile
                    }
                }
            });
            ran += due.size();
        }
        throw new IllegalStateException("jobs keep coming");
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
