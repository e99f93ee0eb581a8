package io.huitong.evaluation;

import io.huitong.rules.RuleOutput;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Fewer qualified bids than the evaluation needs ({@code rules/evaluation/minimum-qualified.drl}): the minimum the
 * rule names and the count it saw, stamped with the rule and its article. Absent, there are enough.
 */
public record TooFewQualified(int minimum, int count, RuleOutput by) {

    public static TooFewQualified of(RuleContext rule, int minimum, int count) {
        return new TooFewQualified(minimum, count, RuleOutput.of(rule));
    }
}
