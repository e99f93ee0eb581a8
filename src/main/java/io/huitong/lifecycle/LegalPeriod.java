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

    /** The same period, counted from the last day of the period named {@code other}. */
    public LegalPeriod countedFromEndOf(String other) {
        return new LegalPeriod(name, labelZh, labelEn, length, unit, by, other);
    }

    public String label() {
        return labelZh + " / " + labelEn;
    }
}
