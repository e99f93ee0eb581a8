package io.huitong.lifecycle;

import io.huitong.rules.RuleOutput;
import io.huitong.shared.time.PeriodUnit;
import org.kie.api.runtime.rule.RuleContext;

/** The bid deadline must lie at least this long after the clarification; if not, it moves. */
public record DeadlineMove(int length, PeriodUnit unit, RuleOutput by) {

    public static DeadlineMove of(RuleContext rule, int length, PeriodUnit unit) {
        return new DeadlineMove(length, unit, RuleOutput.of(rule));
    }
}
