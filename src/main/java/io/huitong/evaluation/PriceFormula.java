package io.huitong.evaluation;

import io.huitong.rules.RuleOutput;
import java.math.BigDecimal;
import org.kie.api.runtime.rule.RuleContext;

/**
 * How price is scored, as {@code rules/evaluation/price-formula.drl} names it: which price is the base (评标基准价),
 * how many points the total has (the price score is base over evaluated price times the points times the weight),
 * and the decimal places evaluated prices and scores are rounded to. {@link PriceScoring} computes what it names.
 */
public record PriceFormula(Base base, BigDecimal totalPoints, int priceScale, int scoreScale, RuleOutput by) {

    /** Which price the others are measured against. */
    public enum Base {
        /** 低价优先法: the lowest evaluated price of the bids that meet the documents (O87 55). */
        LOWEST_EVALUATED_PRICE
    }

    public static PriceFormula of(RuleContext rule, Base base, BigDecimal totalPoints, BigDecimal priceScale,
            BigDecimal scoreScale) {
        return new PriceFormula(base, totalPoints, priceScale.intValueExact(), scoreScale.intValueExact(),
                RuleOutput.of(rule));
    }
}
