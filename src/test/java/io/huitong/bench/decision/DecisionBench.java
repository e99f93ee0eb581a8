package io.huitong.bench.decision;

import io.huitong.bench.Figure;
import io.huitong.bench.Report;
import io.huitong.bench.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Decisions: Huitong's Drools decision with its stored decision record against the same rules as a DMN table
 * evaluated by Camunda's engine with full history, on the same engine and database; Drools alone and the DMN
 * engine alone for context. JMH, one fork per benchmark and mode, one thread.
 */
public final class DecisionBench implements Section {

    static final String SECTION = "decisions";
    static final String CHART_THROUGHPUT = "Must-tender decisions per second (one thread)";
    static final String CHART_LATENCY = "Must-tender decision latency (ms, one thread)";

    /** The benchmarks, in the order they are reported, with their names in the report. */
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(DecisionBenchmarks.DROOLS_WITH_RECORD, "(a) Drools + decision record (registration sandbox)");
        LABELS.put(DecisionBenchmarks.DMN_ENGINE_WITH_HISTORY, "(b) DMN via engine DecisionService, history full");
        LABELS.put(DecisionBenchmarks.DROOLS_ALONE, "(c) Drools alone (RuleSet.evaluate, no record)");
        LABELS.put(DecisionBenchmarks.DMN_STANDALONE, "(c) DMN standalone (DmnEngine, no history)");
    }

    @Override
    public String name() {
        return SECTION;
    }

    @Override
    public void run(Report report, Scale scale) throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "target/benchmark"));
        Files.createDirectories(out);
        // every benchmark sampled (p50, p99); the two the ratio compares also measured in Throughput mode in the
        // full run. Each fork of (a) and (b) boots the app, so the rest take their ops/s from the sampled mean.
        List<RunResult> results = new ArrayList<>(run(LABELS.keySet(), Mode.SampleTime, scale,
                out.resolve("decisions-jmh-sampletime.json")));
        if (scale == Scale.FULL) {
            results.addAll(run(List.of(DecisionBenchmarks.DROOLS_WITH_RECORD,
                    DecisionBenchmarks.DMN_ENGINE_WITH_HISTORY), Mode.Throughput, scale,
                    out.resolve("decisions-jmh-throughput.json")));
        }

        Map<String, Double> throughput = new LinkedHashMap<>();
        for (String benchmark : LABELS.keySet()) {
            RunResult sampled = find(results, benchmark, Mode.SampleTime);
            Result<?> time = sampled.getPrimaryResult();
            double p50 = time.getStatistics().getPercentile(50) / 1000;
            double p99 = time.getStatistics().getPercentile(99) / 1000;
            RunResult measured = results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark)
                    && r.getParams().getMode() == Mode.Throughput).findFirst().orElse(null);
            double perSecond = measured != null ? measured.getPrimaryResult().getScore() * 1e6
                    : 1e6 / time.getScore();
            String how = measured != null ? "JMH Throughput, 1 thread, " + iterations(measured.getParams())
                    : "1 / mean of JMH SampleTime, " + iterations(sampled.getParams());
            String label = LABELS.get(benchmark);
            throughput.put(benchmark, perSecond);
            report.add(Figure.of(SECTION, label + ": throughput", perSecond, "/s", how));
            report.add(Figure.of(SECTION, label + ": p50", p50, "ms", "JMH SampleTime, "
                    + iterations(sampled.getParams())));
            if (benchmark.equals(DecisionBenchmarks.DROOLS_WITH_RECORD) && scale == Scale.FULL) {
                report.add(Figure.atMost(SECTION, label + ": p99", p99, "ms", 1.0, "JMH SampleTime, "
                        + iterations(sampled.getParams())));
            } else {
                report.add(Figure.of(SECTION, label + ": p99", p99, "ms", "JMH SampleTime, "
                        + iterations(sampled.getParams())));
            }
            report.bar(CHART_THROUGHPUT, "decisions/s", "decisions/s", shortLabel(benchmark), perSecond);
            report.bar(CHART_LATENCY, "ms", "p50", shortLabel(benchmark), p50);
            report.bar(CHART_LATENCY, "ms", "p99", shortLabel(benchmark), p99);
        }
        double ratio = throughput.get(DecisionBenchmarks.DROOLS_WITH_RECORD)
                / throughput.get(DecisionBenchmarks.DMN_ENGINE_WITH_HISTORY);
        String ratioName = "(a) / (b) throughput: Drools with record over DMN with history";
        if (scale == Scale.FULL) {
            report.add(Figure.atLeast(SECTION, ratioName, ratio, "×", 5, "ratio of the two throughputs above"));
        } else {
            // a second of warm-up leaves feel-scala interpreted: the quick run shows the section works, not targets
            report.add(Figure.of(SECTION, ratioName, ratio, "×", "quick run: too short to judge the targets"));
        }
        report.note("decisions: (a) is RegistrationService.evaluate, the registration sandbox: validation, the "
                + "whole rule set (every registration rule, not only must-tender), the decision read off it, and "
                + "the decision record (inputs, outputs, fired rules with citations, rule-set version) inserted "
                + "in its own transaction into the app's database (H2 file, WRITE_DELAY=0). (b) evaluates "
                + MustTenderDmn.RESOURCE + " (the must-tender rules only; MustTenderDmnTest proves it equal to "
                + MustTenderDmn.DRL + ") by key through the same app's DecisionService, history level full, same "
                + "database. Eight registrations in turn, the same for all four.");
        report.note("decisions: the DMN table has 9 inputs (4 of them FEEL expressions) and 7 rules, hit policy COLLECT: "
                + "about 30 FEEL evaluations a decision. In the profile most of (b) and of DMN standalone is Camunda "
                + "7.24's feel-scala building its built-in function context and parsing each expression again on "
                + "every evaluation (camunda/feel-scala#1149); most of (a) is H2's commit of the record "
                + "(WRITE_DELAY=0: one chunk written per commit), then the rules, JSON and validation.");
        report.note("decisions: fix made for (a): RuleSet takes its Drools sessions from a pool per rule-set version "
                + "(reset on dispose) instead of building one per decision; measured during development on the "
                + "shared, loaded machine: Drools alone p50 30 → 18–21 µs, (a) p50 1.02 → 0.79–0.98 ms.");
    }

    private static Collection<RunResult> run(Collection<String> benchmarks, Mode mode, Scale scale, Path json)
            throws RunnerException {
        return new Runner(new OptionsBuilder()
                .include(Pattern.quote(DecisionBenchmarks.class.getName()) + "\\.("
                        + String.join("|", benchmarks) + ")$")
                .mode(mode)
                .timeUnit(TimeUnit.MICROSECONDS)
                .forks(1)
                .threads(1)
                // feel-scala and the app's paths need long to compile on two busy cores: warm up longer than we measure
                .warmupIterations(scale.pick(6, 1))
                .warmupTime(TimeValue.seconds(scale.pick(2, 1)))
                .measurementIterations(scale.pick(5, 1))
                .measurementTime(TimeValue.seconds(scale.pick(2, 1)))
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .build()).run();
    }

    private static RunResult find(Collection<RunResult> results, String benchmark, Mode mode) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark) && r.getParams().getMode() == mode)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH gave no " + mode + " result for " + benchmark));
    }

    private static String iterations(BenchmarkParams p) {
        return String.format(Locale.ROOT, "%d fork, warm-up %d × %s, %d × %s", p.getForks(),
                p.getWarmup().getCount(), p.getWarmup().getTime(), p.getMeasurement().getCount(),
                p.getMeasurement().getTime());
    }

    private static String shortLabel(String benchmark) {
        return switch (benchmark) {
            case DecisionBenchmarks.DROOLS_WITH_RECORD -> "(a) Drools + record";
            case DecisionBenchmarks.DMN_ENGINE_WITH_HISTORY -> "(b) DMN engine + history";
            case DecisionBenchmarks.DROOLS_ALONE -> "Drools alone";
            case DecisionBenchmarks.DMN_STANDALONE -> "DMN standalone";
            default -> benchmark;
        };
    }
}
