package io.huitong.evaluation;

import io.huitong.rules.RuleOutput;
import java.math.BigDecimal;
import org.kie.api.runtime.rule.RuleContext;

/** The share of the total score that price carries (0.30 = 30 of 100 points). */
public record PriceWeight(BigDecimal weight, RuleOutput by) {

    public static PriceWeight of(RuleContext rule, BigDecimal weight) {
        return new PriceWeight(weight, RuleOutput.of(rule));
    }
}
