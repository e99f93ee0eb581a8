package io.huitong.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark: {@code ./mvnw -B -Pbench verify}. Runs each section in turn, in this JVM or in processes it
 * starts, and writes the report (Markdown, CSV, charts) to {@code target/benchmark}. {@code -Dbench.only=a,b}
 * runs some sections; {@code -Dbench.scale=quick} a short run that only shows the sections still work.
 */
public final class Benchmarks {

    /** The sections, in the order they run: processes first, while this JVM is still fresh. */
    static final List<String> SECTIONS = List.of(
            "io.huitong.bench.StartupBench",
            "io.huitong.bench.decision.DecisionBench",
            "io.huitong.bench.lifecycle.LifecycleBench",
            "io.huitong.bench.rush.BidRushBench",
            "io.huitong.bench.tasklist.TaskListBench",
            "io.huitong.bench.impact.ImpactBench",
            "io.huitong.bench.registry.RegistryBench");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        String only = System.getProperty("bench.only", "all");
        Section.Scale scale = Section.Scale.valueOf(System.getProperty("bench.scale", "full").toUpperCase(Locale.ROOT));
        Path out = Path.of(System.getProperty("bench.out", "target/benchmark"));
        List<String> wanted = only.equals("all") ? List.of() : Arrays.asList(only.split(","));
        Report report = new Report();
        List<String> ran = new ArrayList<>();
        int failed = 0;
        for (String className : SECTIONS) {
            Section section;
            try {
                section = (Section) Class.forName(className).getDeclaredConstructor().newInstance();
            } catch (ClassNotFoundException e) {
                System.out.println("[bench] no section " + className + " in this build");
                continue;
            }
            if (!wanted.isEmpty() && !wanted.contains(section.name())) {
                continue;
            }
            System.out.println("[bench] ===== " + section.name() + " =====");
            long start = System.nanoTime();
            try {
                section.run(report, scale);
                ran.add(section.name());
            } catch (Exception | AssertionError e) {
                failed++;
                e.printStackTrace();
                report.note("section " + section.name() + " failed: " + e);
                ran.add(section.name() + " (failed)");
            }
            System.out.printf(Locale.ROOT, "[bench] ===== %s took %.0f s%n", section.name(),
                    (System.nanoTime() - start) / 1e9);
        }
        report.write(out, scale.name().toLowerCase(Locale.ROOT), ran);
        System.out.println("[bench] report: " + out.resolve("report.md").toAbsolutePath());
        // in-process applications leave non-daemon threads behind
        System.exit(failed == 0 ? 0 : 1);
    }
}
