package io.huitong.bench.tasklist;

import io.huitong.bench.BenchApp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the engine with open user tasks the way Huitong's own processes leave them — each with one candidate group,
 * a task-level authorization for it, task-local variables from Huitong's task listeners, full history — only many
 * at a time: the benchmark model opens {@link #PER_INSTANCE} tasks per instance (parallel multi-instance), a
 * transaction starts {@link #INSTANCES_PER_TRANSACTION} instances, and each instance is created a minute after the
 * one before, so that the task list's order (newest first) has many distinct creation times.
 */
final class OpenTasks {

    static final String MODEL = "bench/tasklist/bench-tasklist.bpmn";
    static final String KEY = "bench-tasklist";
    static final int PER_INSTANCE = 50;
    static final int INSTANCES_PER_TRANSACTION = 20;
    static final int THREADS = 2;

    /** The centre's groups the tasks go to in turn; the clerk is a member of two of the ten. */
    static final List<String> GROUPS = List.of("registration-clerk", "centre-clerk", "centre-director", "supervisor",
            "finance-department", "purchaser", "evaluation-expert", "centre-ly", "centre-ny", "centre-xy");
    static final Set<String> CLERK_GROUPS = Set.of("registration-clerk", "centre-clerk", "centre-zz");

    private final ProcessEngine engine;
    private final TransactionTemplate transaction;
    /** Creation time of the next instance: far enough back that 100,000 tasks stay in the past. */
    private final AtomicLong next = new AtomicLong(System.currentTimeMillis() - 10_000L * 60_000L);
    private long open;
    private long visible;

    OpenTasks(BenchApp app) {
        this.engine = app.engine();
        this.transaction = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
        engine.getRepositoryService().createDeployment().name("bench-tasklist").enableDuplicateFiltering(true)
                .addClasspathResource(MODEL).deploy();
    }

    /**
     * Opens {@code count} more tasks (a multiple of {@link #PER_INSTANCE}), in transactions on two threads: the
     * machine's two cores, one of them often waiting for the database. The engine's clock is set before each
     * instance; with two threads an instance may take the other's minute, which only blurs the order a little.
     */
    void add(long count) throws InterruptedException, ExecutionException {
        long instances = count / PER_INSTANCE;
        Map<String, Object> variables = Map.of("tasks", PER_INSTANCE, "groups", String.join(",", GROUPS),
                "groupCount", GROUPS.size());
        AtomicLong remaining = new AtomicLong(instances);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(threads.submit(() -> {
                    long batch;
                    while ((batch = take(remaining, INSTANCES_PER_TRANSACTION)) > 0) {
                        long n = batch;
                        transaction.executeWithoutResult(status -> {
                            for (long i = 0; i < n; i++) {
                                ClockUtil.setCurrentTime(new Date(next.getAndAdd(60_000L)));
                                engine.getRuntimeService().startProcessInstanceByKey(KEY, variables);
                            }
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
            ClockUtil.reset();
        }
        open += instances * PER_INSTANCE;
        long clerks = GROUPS.stream().filter(CLERK_GROUPS::contains).count();
        visible += instances * PER_INSTANCE * clerks / GROUPS.size();
    }

    private static long take(AtomicLong remaining, long most) {
        while (true) {
            long left = remaining.get();
            long taken = Math.min(most, left);
            if (taken == 0 || remaining.compareAndSet(left, left - taken)) {
                return taken;
            }
        }
    }

    /**
     * One change to the open tasks each time it runs — the next of a hundred tasks gets another priority — as
     * clerks claim, complete and reprioritize while others read their lists. The tasks list and count stay as
     * they are; the tables have changed since the last query.
     */
    Runnable changer() {
        List<String> ids = engine.getTaskService().createTaskQuery().processDefinitionKey(KEY)
                .orderByTaskCreateTime().asc().listPage(0, 100).stream().map(t -> t.getId()).toList();
        AtomicLong turn = new AtomicLong();
        return () -> {
            long n = turn.getAndIncrement();
            engine.getTaskService().setPriority(ids.get((int) (n % ids.size())), 50 + (int) (n / ids.size() % 2));
        };
    }

    /** The benchmark's open tasks. */
    long open() {
        return open;
    }

    /** How many of them the clerk may see. */
    long visibleToClerk() {
        return visible;
    }

    /** Counted by the engine, without authorizations. */
    long counted() {
        return engine.getTaskService().createTaskQuery().processDefinitionKey(KEY).count();
    }
}
