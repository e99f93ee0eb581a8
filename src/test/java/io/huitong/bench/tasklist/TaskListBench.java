package io.huitong.bench.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.bench.BenchApp;
import io.huitong.bench.Figure;
import io.huitong.bench.Latencies;
import io.huitong.bench.Report;
import io.huitong.bench.Section;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * The task list under load: a clerk's first page of Tasklist while the open tasks grow (1,000 → 10,000 → 100,000),
 * on H2 (file) and on PostgreSQL (embedded), with Camunda's authorizations on. The page is fetched as Tasklist
 * fetches it — logged in through the webapp's form, session cookie and XSRF token, the default filter executed with
 * Tasklist's body and {@code Accept: application/hal+json} (HAL: the 15 tasks, their embedded resources and the
 * count) — and, for comparison, as a portal would through {@code /engine-rest} with HTTP Basic.
 */
public final class TaskListBench implements Section {

    static final String SECTION = "tasklist";
    static final String CLERK = "clerk";
    static final double TARGET_MS = 20;
    static final long TARGET_LEVEL = 100_000;

    /** What Tasklist posts for its first page (camunda-tasklist-bootstrap.js, taskListQuery, sdk Filter.getTasks). */
    static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],"
            + "\"active\":true}";
    static final String REST_PAGE = "/engine-rest/task?sortBy=created&sortOrder=desc&firstResult=0&maxResults=15";

    /** PostgreSQL's statement_timeout in the benchmark: a page that would take minutes ends with an error. */
    static final String STATEMENT_TIMEOUT = "30s";
    static final long STATEMENT_TIMEOUT_NANOS = 30_000_000_000L;
    static final int MIN_SAMPLES = 5;

    /**
     * Expression statistics that let PostgreSQL's planner see how many authorizations grant a permission bit: the
     * engine's authorization check filters on {@code (PERMS_ & n) = n}, which the planner otherwise estimates at
     * 0.5 % of the rows, and so joins every task with every authorization of the clerk.
     */
    static final String STATISTICS = "CREATE STATISTICS IF NOT EXISTS act_stat_auth_perms_read ON (perms_ & 2) "
            + "FROM act_ru_authorization; CREATE STATISTICS IF NOT EXISTS act_stat_auth_perms_read_task "
            + "ON (perms_ & 64) FROM act_ru_authorization; ANALYZE act_ru_authorization";
    static final String NO_STATISTICS = "DROP STATISTICS IF EXISTS act_stat_auth_perms_read; "
            + "DROP STATISTICS IF EXISTS act_stat_auth_perms_read_task; ANALYZE act_ru_authorization";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return SECTION;
    }

    @Override
    public void run(Report report, Scale scale) throws Exception {
        List<Long> levels = scale == Scale.FULL ? List.of(1_000L, 10_000L, 100_000L) : List.of(200L, 2_000L);
        Plan plan = new Plan(levels, scale.pick(300, 50), scale.pick(1_000, 200), scale.pick(40, 10),
                scale.pick(300, 100), scale.pick(15, 5), scale.pick(8, 3));
        report.note("tasklist: open tasks made by a benchmark model (src/test/resources/bench/tasklist) whose one "
                + "instance opens " + OpenTasks.PER_INSTANCE + " user tasks at once (parallel multi-instance), "
                + OpenTasks.INSTANCES_PER_TRANSACTION + " instances a transaction on " + OpenTasks.THREADS
                + " threads, each instance a minute newer than the one before; each task has one candidate group of "
                + OpenTasks.GROUPS.size() + " (" + String.join(", ", OpenTasks.GROUPS) + ") in turn, so the clerk "
                + "(registration-clerk, centre-clerk, centre-zz) may see 20 %. The engine writes what Huitong's own "
                + "tasks have: a task-level authorization per candidate group, the listeners' task-local "
                + "variables, full history. Many tasks per transaction keep the filling short; the task query and "
                + "its authorization check do not look at how tasks are spread over instances.");
        report.note("tasklist: page = what Tasklist sends for its first page: POST /camunda/api/engine/engine/"
                + "default/filter/{id}/list?firstResult=0&maxResults=15 (filter 全部任务 All tasks, body " + TASKLIST_BODY
                + ", Accept: " + TasklistSession.ACCEPT + ", session cookie and XSRF token after the webapp's "
                + "login form): the 15 tasks, their embedded process definition and the count. /engine-rest: GET "
                + REST_PAGE + " with HTTP Basic (plain JSON, no count). One client, one request after the other, "
                + "after a warm-up, each at most " + plan.seconds() + " s (/engine-rest " + plan.restSeconds()
                + " s) a level, at least " + MIN_SAMPLES + " requests. Before every request one open task changes "
                + "(its priority), as in a centre at work: H2 would otherwise answer a repeated query from the "
                + "result it kept (OPTIMIZE_REUSE_RESULTS), which no busy centre sees. PostgreSQL is analysed after "
                + "each filling (as autovacuum would soon) and cancels statements after "
                + STATEMENT_TIMEOUT + " (statement_timeout), so that a page that would take minutes ends.");
        report.note("tasklist: \"PostgreSQL + statistics\" is the same database at the same level after CREATE "
                + "STATISTICS on (PERMS_ & 2) and (PERMS_ & 64) of ACT_RU_AUTHORIZATION and ANALYZE (dropped again "
                + "afterwards): the permission-bit tests of the authorization check, which PostgreSQL otherwise "
                + "estimates at 0.5 % of the rows. It decided the engine's own task query before Huitong's "
                + "(AuthorizedTaskQuery) replaced it, and is kept to show it no longer matters. The \"SQL what-if\" "
                + "figures are hand-written SQL for the same page and count, timed over JDBC: kept from before the "
                + "rewrite, for comparison with what the application now asks.");
        Path root = Files.createDirectories(Path.of("target")).resolve("bench-tasklist");
        io.huitong.bench.WorkFolders.delete(root);
        try {
            measure(report, plan, "H2", root.resolve("h2"), null);
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("statement_timeout", STATEMENT_TIMEOUT).start()) {
                measure(report, plan, "PostgreSQL", root.resolve("postgres"), postgres);
            }
        } finally {
            io.huitong.bench.WorkFolders.delete(root);
        }
    }

    /** Levels of open tasks, and how many requests (and at most how many seconds) to warm up and measure. */
    record Plan(List<Long> levels, int warmup, int requests, int seconds, int restRequests, int restSeconds,
            int sqlSeconds) {
    }

    private void measure(Report report, Plan plan, String database, Path dir, EmbeddedPostgres postgres)
            throws Exception {
        Map<String, Object> properties = postgres == null ? Map.of() : Map.of(
                // application-postgres.yaml reads these; the embedded server's superuser
                "HUITONG_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "HUITONG_DB_USER", "postgres", "HUITONG_DB_PASSWORD", "postgres");
        long started = System.nanoTime();
        try (BenchApp app = start(dir, properties, postgres == null ? new String[0] : new String[] {"postgres"})) {
            DataSource data = app.bean(DataSource.class);
            try (Connection c = data.getConnection()) {
                log("%s: started in %.0f s on %s", database, (System.nanoTime() - started) / 1e9,
                        c.getMetaData().getURL());
            }
            OpenTasks tasks = new OpenTasks(app);
            TasklistSession tasklist = new TasklistSession(app, CLERK);
            String filter = defaultFilter(tasklist);
            String page = "/camunda/api/engine/engine/default/filter/" + filter + "/list?firstResult=0&maxResults=15";
            long before = count(tasklist.post(page, TASKLIST_BODY));
            for (long level : plan.levels()) {
                long filling = System.nanoTime();
                long added = level - tasks.open();
                tasks.add(added);
                double seconds = (System.nanoTime() - filling) / 1e9;
                if (tasks.counted() != level) {
                    throw new AssertionError(database + ": " + tasks.counted() + " open tasks, not " + level);
                }
                log("%s: %,d open tasks (%,d more in %.1f s, %,.0f/s)", database, level, added, seconds,
                        added / seconds);
                if (level == plan.levels().get(plan.levels().size() - 1)) {
                    report.add(Figure.of(SECTION, database + ": open tasks made per second", added / seconds, "/s",
                            "benchmark model, " + OpenTasks.PER_INSTANCE * OpenTasks.INSTANCES_PER_TRANSACTION
                                    + " tasks a transaction, full history"));
                }
                if (postgres != null) {
                    sql(data, "ANALYZE");
                }
                Runnable change = tasks.changer();
                Measured webapp = measure(plan.warmup(), plan.requests(), plan.seconds(), change,
                        () -> tasklist.post(page, TASKLIST_BODY),
                        first -> checkPage(database, first, before + tasks.visibleToClerk()));
                Measured rest = measure(plan.warmup() / 3, plan.restRequests(), plan.restSeconds(), change,
                        () -> app.get(CLERK, REST_PAGE), first -> { });
                add(report, database, level, webapp, rest, level == TARGET_LEVEL);
                if (postgres != null) {
                    // what the statistics of a proposed PostgreSQL migration would change (not shipped: see note)
                    sql(data, STATISTICS);
                    Measured webappStats = measure(plan.warmup(), plan.requests(), plan.seconds(), change,
                            () -> tasklist.post(page, TASKLIST_BODY),
                            first -> checkPage(database, first, before + tasks.visibleToClerk()));
                    Measured restStats = measure(plan.warmup() / 3, plan.restRequests(), plan.restSeconds(), change,
                            () -> app.get(CLERK, REST_PAGE), first -> { });
                    add(report, database + " + statistics", level, webappStats, restStats, false);
                    sql(data, NO_STATISTICS);
                }
                shapes(report, database, level, data, postgres != null, change, plan.sqlSeconds(),
                        before + tasks.visibleToClerk());
            }
        }
    }

    /**
     * What the database needs for the clerk's count and page when the SQL starts from the clerk's authorizations
     * (a semi-join) instead of checking each open task against them, timed over JDBC with the clerk's user and
     * groups: measured before the engine's task query was replaced by Huitong's (AuthorizedTaskQuery), and kept as
     * a comparison for it. Only task-level grants are asked for, as the
     * clerk has no others; the engine's check also looks at process-definition grants and at '*'.
     */
    private static void shapes(Report report, String database, long level, DataSource data, boolean postgres,
            Runnable change, int seconds, long visible) throws Exception {
        String read = postgres ? "(A.PERMS_ & 2) = 2" : "BITAND(A.PERMS_, CAST(2 AS BIGINT)) = 2";
        String granted = "select A.RESOURCE_ID_ from ACT_RU_AUTHORIZATION A where A.TYPE_ = 1 and A.RESOURCE_TYPE_ = 7"
                + " and (A.USER_ID_ = 'clerk' or A.GROUP_ID_ in ('registration-clerk', 'centre-clerk', 'centre-zz'))"
                + " and " + read;
        String open = "RES.SUSPENSION_STATE_ = 1 and RES.TENANT_ID_ is null";
        String count = "select count(*) from ACT_RU_TASK RES where " + open + " and RES.ID_ in (" + granted + ")";
        String page = "select RES.ID_ from ACT_RU_TASK RES where " + open + " and exists (" + granted
                + " and A.RESOURCE_ID_ = RES.ID_) order by RES.CREATE_TIME_ desc limit 15";
        String[][] shapes = {{"count, semi-join from the clerk's authorizations", count},
            {"15 newest, EXISTS per task in creation order", page}};
        for (String[] shape : shapes) {
            boolean counting = shape == shapes[0];
            Latencies latencies = new Latencies();
            long until = System.nanoTime() + seconds * 1_000_000_000L;
            for (int i = 0; i < 100 && (i < MIN_SAMPLES || System.nanoTime() < until); i++) {
                change.run();
                try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
                    long sent = System.nanoTime();
                    try (java.sql.ResultSet rows = s.executeQuery(shape[1])) {
                        long n = 0;
                        while (rows.next()) {
                            n = counting ? rows.getLong(1) : n + 1;
                        }
                        latencies.record(System.nanoTime() - sent);
                        if (n != (counting ? visible : Math.min(15, visible))) {
                            throw new AssertionError(database + ": " + shape[0] + " gave " + n);
                        }
                    }
                }
            }
            String name = String.format(Locale.ROOT, "%s, %,d open tasks: SQL what-if, %s", database, level,
                    shape[0]);
            report.add(Figure.of(SECTION, name + " p99", latencies.p99(), "ms",
                    "JDBC, not the engine's SQL; " + latencies.count() + " runs, p50 "
                            + Report.format(latencies.p50()) + " ms"));
            report.point("tasklist: SQL what-if (" + shape[0] + ")", "open tasks", "ms", database + " p99", level,
                    latencies.p99());
        }
    }

    private static void add(Report report, String series, long level, Measured webapp, Measured rest,
            boolean target) {
        add(report, series, level, "Tasklist first page (filter, HAL, count)", webapp, target,
                "POST filter/{id}/list as Tasklist sends it, session + XSRF");
        add(report, series, level, "/engine-rest first page", rest, false,
                "GET /engine-rest/task sorted by created, 15, HTTP Basic");
        String tasklistChart = "tasklist: clerk's first page through Tasklist (filter, HAL, count)";
        String restChart = "tasklist: clerk's first page through /engine-rest";
        report.point(tasklistChart, "open tasks", "ms", series + " p50", level, webapp.latencies.p50());
        report.point(tasklistChart, "open tasks", "ms", series + " p99", level, webapp.latencies.p99());
        report.point(restChart, "open tasks", "ms", series + " p50", level, rest.latencies.p50());
        report.point(restChart, "open tasks", "ms", series + " p99", level, rest.latencies.p99());
    }

    /**
     * BenchApp passes its settings as Spring's default properties, which application.yaml outranks: the H2 file
     * would land in ./data of the working directory (application.yaml's huitong.data-dir) and the job executor
     * would run (the application's and the postgres profile's job-execution.enabled). System properties outrank
     * both; they are set for the start only.
     */
    private static BenchApp start(Path dir, Map<String, Object> properties, String... profiles) {
        Map<String, String> overrides = Map.of("huitong.data-dir", dir.resolve("data").toAbsolutePath().toString(),
                "camunda.bpm.job-execution.enabled", "false");
        overrides.forEach(System::setProperty);
        try {
            return BenchApp.start(dir, false, properties, profiles);
        } finally {
            overrides.keySet().forEach(System::clearProperty);
        }
    }

    private static void add(Report report, String database, long level, String what, Measured measured,
            boolean target, String how) {
        String name = String.format(Locale.ROOT, "%s, %,d open tasks: %s", database, level, what);
        Latencies latencies = measured.latencies;
        String counted = how + "; " + latencies.count() + " requests"
                + (measured.cancelled ? ", cancelled by the database after " + STATEMENT_TIMEOUT : "");
        report.add(Figure.of(SECTION, name + " p50", latencies.p50(), "ms", counted));
        report.add(target ? Figure.atMost(SECTION, name + " p99", latencies.p99(), "ms", TARGET_MS, counted)
                : Figure.of(SECTION, name + " p99", latencies.p99(), "ms", counted));
    }

    /** Latencies of one door at one level, and whether the database cancelled a request (statement_timeout). */
    record Measured(Latencies latencies, boolean cancelled) {
    }

    /**
     * Checks the first answer, warms up, then times up to {@code requests} calls, each after {@code change}, for at
     * most {@code seconds} (the warm-up for a quarter of that) and at least {@link #MIN_SAMPLES}. A request the
     * database cancelled is timed as it was and ends the measurement.
     */
    static Measured measure(int warmup, int requests, int seconds, Runnable change,
            Callable<HttpResponse<String>> call, Check check) throws Exception {
        Latencies latencies = new Latencies();
        Timed first = timed(change, call);
        if (first.cancelled()) {
            latencies.record(first.nanos());
            return new Measured(latencies, true);
        }
        check.check(ok(first.response()));
        long warmUntil = System.nanoTime() + seconds * 250_000_000L;
        for (int i = 0; i < warmup && System.nanoTime() < warmUntil; i++) {
            Timed warming = timed(change, call);
            if (warming.cancelled()) {
                latencies.record(warming.nanos());
                return new Measured(latencies, true);
            }
            ok(warming.response());
        }
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; i < requests && (i < MIN_SAMPLES || System.nanoTime() < until); i++) {
            Timed measured = timed(change, call);
            latencies.record(measured.nanos());
            if (measured.cancelled()) {
                return new Measured(latencies, true);
            }
            ok(measured.response());
        }
        return new Measured(latencies, false);
    }

    /** One request after one change: its answer, how long it took, and whether the database cancelled it. */
    private record Timed(HttpResponse<String> response, long nanos, boolean cancelled) {
    }

    private static Timed timed(Runnable change, Callable<HttpResponse<String>> call) throws Exception {
        change.run();
        long sent = System.nanoTime();
        HttpResponse<String> response = call.call();
        long took = System.nanoTime() - sent;
        return new Timed(response, took, cancelled(response, took));
    }

    interface Check {
        void check(HttpResponse<String> first) throws Exception;
    }

    /**
     * A statement PostgreSQL cancelled (statement_timeout): the engine answers 500 with a persistence exception and
     * no detail, after the timeout.
     */
    private static boolean cancelled(HttpResponse<String> response, long nanos) {
        return response.statusCode() == 500 && response.body().contains("ProcessEnginePersistenceException")
                && nanos >= STATEMENT_TIMEOUT_NANOS;
    }

    private static void sql(DataSource data, String statements) throws SQLException {
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements.split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(response.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static String defaultFilter(TasklistSession tasklist) throws IOException, InterruptedException {
        JsonNode filters = JSON.readTree(ok(tasklist.get(
                "/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=false")).body());
        for (JsonNode filter : filters) {
            if (filter.path("name").asText().contains("All tasks")) {
                return filter.path("id").asText();
            }
        }
        throw new AssertionError("no filter 'All tasks' for the clerk: " + filters);
    }

    private static long count(HttpResponse<String> response) throws IOException {
        return JSON.readTree(ok(response).body()).path("count").asLong(-1);
    }

    /** The page holds 15 tasks, each of one of the clerk's groups, and counts exactly what the clerk may see. */
    private static void checkPage(String database, HttpResponse<String> response, long visible) throws IOException {
        JsonNode page = JSON.readTree(ok(response).body());
        long count = page.path("count").asLong(-1);
        JsonNode tasks = page.path("_embedded").path("task");
        if (count != visible || tasks.size() != Math.min(15, visible)) {
            throw new AssertionError(database + ": the clerk's page counts " + count + " (expected " + visible
                    + ") and shows " + tasks.size() + " tasks");
        }
        for (JsonNode task : tasks) {
            JsonNode links = task.path("_embedded").path("identityLink");
            boolean theirs = false;
            for (JsonNode link : links) {
                theirs |= OpenTasks.CLERK_GROUPS.contains(link.path("groupId").asText());
            }
            if (!links.isEmpty() && !theirs) {
                throw new AssertionError(database + ": the clerk sees a task of another group: " + task);
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] tasklist " + format + "%n", args);
    }

}
