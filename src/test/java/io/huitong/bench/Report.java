package io.huitong.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The benchmark's report: every figure in a Markdown table and a CSV, the curves and bars as PNG charts, and the
 * machine it ran on. Sections add to it as they go; {@link #write} writes it all.
 */
public final class Report {

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Map<String, XYSeries>> curves = new LinkedHashMap<>();
    private final Map<String, String[]> curveAxes = new LinkedHashMap<>();
    private final Map<String, DefaultCategoryDataset> bars = new LinkedHashMap<>();
    private final Map<String, String> barAxes = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final OffsetDateTime started = OffsetDateTime.now();

    public synchronized void add(Figure figure) {
        figures.add(figure);
        System.out.printf(Locale.ROOT, "[bench] %-10s %-70s %12s %-4s %s%n", figure.section(), figure.name(),
                format(figure.value()), figure.unit(),
                figure.met() == null ? "" : (figure.met() ? "met " : "MISSED ") + figure.target());
    }

    /** A point of a curve: the chart of that title, log-scaled x (counts), one line per series. */
    public synchronized void point(String chart, String xLabel, String yLabel, String series, double x, double y) {
        curveAxes.putIfAbsent(chart, new String[] {xLabel, yLabel});
        curves.computeIfAbsent(chart, c -> new LinkedHashMap<>())
                .computeIfAbsent(series, s -> new XYSeries(s, true, true)).add(x, y);
    }

    /** A bar of a bar chart: one group per category, one bar per series. */
    public synchronized void bar(String chart, String yLabel, String series, String category, double value) {
        barAxes.putIfAbsent(chart, yLabel);
        bars.computeIfAbsent(chart, c -> new DefaultCategoryDataset()).addValue(value, series, category);
    }

    /** A line of text under the table: what was chosen, what was fixed, before and after. */
    public synchronized void note(String text) {
        notes.add(text);
        System.out.println("[bench] note: " + text);
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** A figure measured earlier in this run, by section and name. */
    public synchronized java.util.Optional<Figure> find(String section, String name) {
        return figures.stream().filter(f -> f.section().equals(section) && f.name().equals(name)).findFirst();
    }

    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (Math.abs(value) >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Writes report.md, report.csv and the charts (PNG) into the folder. */
    public synchronized void write(Path dir, String scale, List<String> sections) throws IOException {
        Files.createDirectories(dir);
        List<String> charts = new ArrayList<>();
        int n = 0;
        for (var chart : curves.entrySet()) {
            String file = "chart-" + (++n) + ".png";
            writeCurve(dir.resolve(file), chart.getKey(), chart.getValue());
            charts.add("![" + chart.getKey() + "](" + file + ")");
        }
        for (var chart : bars.entrySet()) {
            String file = "chart-" + (++n) + ".png";
            writeBars(dir.resolve(file), chart.getKey(), chart.getValue());
            charts.add("![" + chart.getKey() + "](" + file + ")");
        }
        StringBuilder md = new StringBuilder();
        md.append("# Huitong benchmark\n\n");
        md.append("Run ").append(started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" → ")
                .append(OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(", scale `")
                .append(scale).append("`, sections ").append(String.join(", ", sections)).append(".\n\n");
        md.append("**Machine:** ").append(Machine.describe()).append("\n\n");
        long missed = figures.stream().filter(f -> Boolean.FALSE.equals(f.met())).count();
        long targets = figures.stream().filter(f -> f.met() != null).count();
        md.append("**Targets:** ").append(targets - missed).append(" of ").append(targets).append(" met.\n\n");
        md.append("| section | figure | value | unit | target | met | how |\n|---|---|--:|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.section()).append(" | ").append(f.name()).append(" | ").append(format(f.value()))
                    .append(" | ").append(f.unit()).append(" | ").append(f.target()).append(" | ")
                    .append(f.met() == null ? "" : f.met() ? "✅ yes" : "❌ **no**").append(" | ").append(f.note())
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(note -> md.append("- ").append(note).append("\n"));
        }
        if (!charts.isEmpty()) {
            md.append("\n## Charts\n\n");
            charts.forEach(c -> md.append(c).append("\n\n"));
        }
        Files.writeString(dir.resolve("report.md"), md, StandardCharsets.UTF_8);

        StringBuilder csv = new StringBuilder("section,figure,value,unit,target,met,how\n");
        for (Figure f : figures) {
            csv.append(String.join(",", csv(f.section()), csv(f.name()), String.format(Locale.ROOT, "%.6f", f.value()),
                    csv(f.unit()), csv(f.target()), f.met() == null ? "" : f.met().toString(), csv(f.note())))
                    .append("\n");
        }
        Files.writeString(dir.resolve("report.csv"), csv, StandardCharsets.UTF_8);
    }

    private static String csv(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private void writeCurve(Path file, String title, Map<String, XYSeries> series) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        String[] axes = curveAxes.get(title);
        JFreeChart chart = ChartFactory.createXYLineChart(title, axes[0], axes[1], data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis(axes[0]);
        x.setBase(10);
        x.setSmallestValue(1);
        plot.setDomainAxis(x);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 520);
    }

    private void writeBars(Path file, String title, DefaultCategoryDataset data) throws IOException {
        JFreeChart chart = ChartFactory.createBarChart(title, "", barAxes.get(title), data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 520);
    }
}
