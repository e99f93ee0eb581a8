package io.huitong.bench.lifecycle;

import io.huitong.bench.BenchApp;
import io.huitong.bench.Figure;
import io.huitong.bench.Report;
import io.huitong.bench.Section;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Complete tender lifecycles per second — through Huitong's service layer, through its HTTP doors, and the same
 * models on a bare engine with no-op delegates — and the orchestrator's overhead as the ratio of their times.
 */
public final class LifecycleBench implements Section {

    static final int WORKERS = 4;

    @Override
    public String name() {
        return "lifecycle";
    }

    @Override
    public void run(Report report, Scale scale) throws Exception {
        int n = Integer.getInteger("bench.lifecycles", scale.pick(100, 8));
        int warmUp = scale.pick(40, 4);
        Path work = Path.of(System.getProperty("bench.out", "target/benchmark")).resolve("work/lifecycle");
        io.huitong.bench.WorkFolders.delete(work);
        HuitongLifecycles lifecycles = new HuitongLifecycles();
        double serviceRate;
        double serviceCpu;
        Map<String, Long> huitongRows;
        Map<String, Long> bareRows;
        double bareCpu;
        double httpRate;
        List<String> route;
        long huitongTasks;
        try (BenchApp app = BenchApp.start(work.resolve("huitong"), false, Map.of());
                Lockstep steps = new Lockstep(app.engine(), WORKERS)) {
            ServiceActors service = new ServiceActors(app);
            HttpActors http = new HttpActors(app);
            lifecycles.run(service, steps, warmUp);
            lifecycles.run(http, steps, warmUp);
            steps.laps();
            steps.cpuSeconds();
            Map<String, Long> before = rows(app.bean(javax.sql.DataSource.class));
            long start = System.nanoTime();
            List<HuitongLifecycles.Tender> done = lifecycles.run(service, steps, n);
            serviceRate = n / seconds(start);
            serviceCpu = steps.cpuSeconds() * 1000 / n;
            huitongRows = written(before, rows(app.bean(javax.sql.DataSource.class)), n);
            String serviceLaps = steps.laps();
            start = System.nanoTime();
            lifecycles.run(http, steps, n);
            httpRate = n / seconds(start);
            report.note("lifecycle phases, Huitong service layer: " + serviceLaps + "; HTTP: " + steps.laps());
            route = done.get(0).route;
            huitongTasks = tasks(app.engine(), done.get(0).id);
        } finally {
            ClockUtil.reset();
        }
        double bareRate;
        long bareTasks;
        try (BareEngine bare = new BareEngine(work.resolve("bare"), Path.of("processes"));
                Lockstep steps = new Lockstep(bare.engine, WORKERS)) {
            bare.run(steps, warmUp, route);
            steps.laps();
            steps.cpuSeconds();
            Map<String, Long> before = rows(bare.dataSource);
            long start = System.nanoTime();
            List<String> done = bare.run(steps, n, route);
            bareRate = n / seconds(start);
            bareCpu = steps.cpuSeconds() * 1000 / n;
            bareRows = written(before, rows(bare.dataSource), n);
            report.note("lifecycle phases, bare engine: " + steps.laps());
            long ended = done.stream().filter(bare::ended).count();
            if (ended != n) {
                throw new IllegalStateException("bare engine: " + ended + " of " + n + " lifecycles ended");
            }
            bareTasks = tasks(bare.engine, done.get(0));
        } finally {
            ClockUtil.reset();
        }
        String how = n + " lifecycles after " + warmUp + " to warm up, " + WORKERS + " workers, H2 file, history full";
        report.add(Figure.of("lifecycle", "Huitong, service layer: complete lifecycles", serviceRate, "/s", how));
        report.add(Figure.of("lifecycle", "Huitong, HTTP (REST API and engine-rest): complete lifecycles", httpRate,
                "/s", how + "; basic authentication, audit"));
        report.add(Figure.of("lifecycle", "bare engine, same models, no-op delegates: complete lifecycles", bareRate,
                "/s", how));
        report.add(Figure.atMost("lifecycle", "overhead: Huitong (service layer) time ÷ bare engine time",
                bareRate / serviceRate, "×", 1.2, "same model, same steps and variables, same history level"));
        report.add(Figure.of("lifecycle", "processor time per lifecycle, Huitong (service layer)", serviceCpu, "ms",
                "CPU time of the workers (steps and jobs); less sensitive than wall time to a busy machine"));
        report.add(Figure.of("lifecycle", "processor time per lifecycle, bare engine", bareCpu, "ms",
                "the same, bare engine"));
        report.add(Figure.of("lifecycle", "overhead in processor time: Huitong (service layer) ÷ bare engine",
                serviceCpu / bareCpu, "×", "the same ratio, counted in CPU time"));
        report.add(Figure.of("lifecycle", "rows left in the database per lifecycle, Huitong (service layer)",
                huitongRows.values().stream().mapToLong(Long::longValue).sum(), "rows", "largest: " + top(huitongRows)));
        report.add(Figure.of("lifecycle", "rows left in the database per lifecycle, bare engine",
                bareRows.values().stream().mapToLong(Long::longValue).sum(), "rows", "largest: " + top(bareRows)));
        report.add(Figure.of("lifecycle", "overhead: Huitong (HTTP) time ÷ bare engine time", bareRate / httpRate, "×",
                "the same, with the web layer"));
        report.add(Figure.of("lifecycle", "user tasks per lifecycle (Huitong / bare)", huitongTasks, "tasks",
                "bare engine: " + bareTasks + " — the same steps must be taken"));
        if (huitongTasks != bareTasks) {
            report.note("lifecycle: Huitong took " + huitongTasks + " user tasks per lifecycle, the bare engine "
                    + bareTasks + ": the comparison is not like for like");
        }
        report.bar("Complete lifecycles per second", "lifecycles/s", "lifecycles/s", "Huitong (service)", serviceRate);
        report.bar("Complete lifecycles per second", "lifecycles/s", "lifecycles/s", "Huitong (HTTP)", httpRate);
        report.bar("Complete lifecycles per second", "lifecycles/s", "lifecycles/s", "bare engine", bareRate);
    }

    /** Rows per table (H2's count of each table in the public schema). */
    private static Map<String, Long> rows(javax.sql.DataSource dataSource) throws java.sql.SQLException {
        Map<String, Long> rows = new java.util.TreeMap<>();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            List<String> tables = new java.util.ArrayList<>();
            try (var result = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                try (var result = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                    result.next();
                    rows.put(table.toLowerCase(java.util.Locale.ROOT), result.getLong(1));
                }
            }
        }
        return rows;
    }

    /** Rows added per lifecycle, by table, where any were. */
    private static Map<String, Long> written(Map<String, Long> before, Map<String, Long> after, int n) {
        Map<String, Long> added = new java.util.TreeMap<>();
        after.forEach((table, count) -> {
            long delta = Math.round((count - before.getOrDefault(table, 0L)) / (double) n);
            if (delta > 0) {
                added.put(table, delta);
            }
        });
        return added;
    }

    private static String top(Map<String, Long> rows) {
        return rows.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    private static long tasks(ProcessEngine engine, String tenderId) {
        return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(tenderId)
                .count();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
