package io.huitong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's report: targets judged at their bounds, every figure in the table and the CSV, charts drawn. */
class ReportTest {

    @Test
    void a_target_is_met_at_its_bound_and_missed_just_beyond() {
        assertThat(Figure.atMost("s", "p99", 20.0, "ms", 20, "").met()).isTrue();
        assertThat(Figure.atMost("s", "p99", 20.01, "ms", 20, "").met()).isFalse();
        assertThat(Figure.atLeast("s", "ratio", 5.0, "×", 5, "").met()).isTrue();
        assertThat(Figure.atLeast("s", "ratio", 4.99, "×", 5, "").met()).isFalse();
        assertThat(Figure.of("s", "rate", 3, "/s", "").met()).isNull();
    }

    @Test
    void writes_the_table_the_csv_and_the_charts(@TempDir Path dir) throws Exception {
        Report report = new Report();
        report.add(Figure.atMost("tasklist", "H2 p99 at 100,000", 12.5, "ms", 20, "clerk, \"first page\""));
        report.add(Figure.atLeast("decisions", "Drools ÷ DMN", 3.2, "×", 5, "JMH"));
        report.point("Task list", "open tasks", "ms", "H2 p99", 1_000, 2.0);
        report.point("Task list", "open tasks", "ms", "H2 p99", 100_000, 12.5);
        report.bar("Lifecycles", "/s", "rate", "bare", 4.0);
        report.note("a note");
        report.write(dir, "quick", List.of("tasklist", "decisions"));

        String md = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("**Machine:**").contains("**Targets:** 1 of 2 met.")
                .contains("| tasklist | H2 p99 at 100,000 | 12.5 | ms | ≤ 20 ms | ✅ yes |")
                .contains("| decisions | Drools ÷ DMN | 3.20 | × | ≥ 5 × | ❌ **no** |").contains("- a note")
                .contains("![Task list](chart-1.png)").contains("![Lifecycles](chart-2.png)");
        List<String> csv = Files.readAllLines(dir.resolve("report.csv"), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).isEqualTo(
                "\"tasklist\",\"H2 p99 at 100,000\",12.500000,\"ms\",\"≤ 20 ms\",true,\"clerk, \"\"first page\"\"\"");
        for (String chart : List.of("chart-1.png", "chart-2.png")) {
            byte[] png = Files.readAllBytes(dir.resolve(chart));
            assertThat(png).hasSizeGreaterThan(1000);
            assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        }
    }

    @Test
    void latencies_read_as_milliseconds_at_their_percentiles() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 100; i++) {
            latencies.record(i * 1_000_000L);
        }
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50()).isBetween(49.9, 50.1);
        assertThat(latencies.p99()).isBetween(98.9, 99.1);
        assertThat(latencies.maxMillis()).isBetween(99.9, 100.1);
    }
}
