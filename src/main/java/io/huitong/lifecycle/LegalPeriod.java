package io.huitong.lifecycle;

import io.huitong.rules.RuleOutput;
import io.huitong.shared.time.PeriodUnit;
import org.kie.api.runtime.rule.RuleContext;

/** A legal period as a rule gives it: its length, its unit, its article. */
public record LegalPeriod(String name, String labelZh, String labelEn, int length, PeriodUnit unit, RuleOutput by) {

    public static LegalPeriod of(RuleContext rule, String name, String labelZh, String labelEn, int length,
            PeriodUnit unit) {
        return new LegalPeriod(name, labelZh, labelEn, length, unit, RuleOutput.of(rule));
    }

    public String label() {
        return labelZh + " / " + labelEn;
    }
}
