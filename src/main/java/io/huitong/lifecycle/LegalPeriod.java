package io.huitong.lifecycle;

import io.huitong.rules.RuleOutput;
import io.huitong.shared.time.PeriodUnit;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A legal period as a rule gives it: its length, its unit, its article, and where the law counts it from. A period
 * with {@code countedFromEndOf} runs from the last day of that other period of the same round (GPR 53(三): a
 * challenge to the result is counted from the end of the result's announcement); one without it runs from the act
 * that starts it.
 */
public record LegalPeriod(String name, String labelZh, String labelEn, int length, PeriodUnit unit, RuleOutput by,
        String countedFromEndOf) {

    public static LegalPeriod of(RuleContext rule, String name, String labelZh, String labelEn, int length,
            PeriodUnit unit) {
        return new LegalPeriod(name, labelZh, labelEn, length, unit, RuleOutput.of(rule), null);
    }

    /**
     * A period written cell by cell, as a row of the decision table {@code rules/lifecycle/periods.csv} gives it:
     * labels, where it is counted from, length, and last its unit, which makes the period.
     */
    public static Draft draft(RuleContext rule, String name) {
        return new Draft(RuleOutput.of(rule), name);
    }

    /** A period being written by a table row; {@link #unit} finishes it. */
    public static final class Draft {

        private final RuleOutput by;
        private final String name;
        private String labelZh;
        private String labelEn;
        private Integer length;
        private String countedFromEndOf;

        private Draft(RuleOutput by, String name) {
            this.by = by;
            this.name = name;
        }

        public Draft zh(String label) {
            this.labelZh = label;
            return this;
        }

        public Draft en(String label) {
            this.labelEn = label;
            return this;
        }

        public Draft length(int days) {
            this.length = days;
            return this;
        }

        public Draft countedFromEndOf(String other) {
            this.countedFromEndOf = other;
            return this;
        }

        /** The period, in that unit; a row without labels or length is a rule bug, refused here. */
        public LegalPeriod unit(PeriodUnit unit) {
            if (labelZh == null || labelEn == null || length == null) {
                throw new IllegalStateException("rule '" + by.rule() + "' gives period '" + name
                        + "' without its labels or its length");
            }
            return new LegalPeriod(name, labelZh, labelEn, length, unit, by, countedFromEndOf);
        }
    }

    /** The same period, counted from the last day of the period named {@code other}. */
    public LegalPeriod countedFromEndOf(String other) {
        return new LegalPeriod(name, labelZh, labelEn, length, unit, by, other);
    }

    public String label() {
        return labelZh + " / " + labelEn;
    }
}
