package io.huitong.bench;

/**
 * One measured figure of the report: what, its value and unit, and, where the issue sets one, the target and
 * whether this run met it.
 *
 * @param section the part of the benchmark (startup, lifecycle, decisions, tasklist, rush)
 * @param name what was measured, in words
 * @param value the figure
 * @param unit its unit (ms, /s, MB, ×)
 * @param target the target in words ("≤ 10 s"), or empty
 * @param met whether the target was met; null without a target
 * @param note how it was measured, in a few words
 */
public record Figure(String section, String name, double value, String unit, String target, Boolean met, String note) {

    public static Figure of(String section, String name, double value, String unit, String note) {
        return new Figure(section, name, value, unit, "", null, note);
    }

    /** A figure with an upper bound: met when value ≤ bound. */
    public static Figure atMost(String section, String name, double value, String unit, double bound, String note) {
        return new Figure(section, name, value, unit, "≤ " + Report.format(bound) + " " + unit, value <= bound, note);
    }

    /** A figure with a lower bound: met when value ≥ bound. */
    public static Figure atLeast(String section, String name, double value, String unit, double bound, String note) {
        return new Figure(section, name, value, unit, "≥ " + Report.format(bound) + " " + unit, value >= bound, note);
    }
}
