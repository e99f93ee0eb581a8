package io.huitong.evaluation;

import io.huitong.rules.RuleOutput;
import java.math.BigDecimal;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A policy adjustment of one bid: a deduction from its price before scoring (the adjusted price serves as base
 * and bid alike, O87 55), or a bonus on its price score.
 */
public record PriceAdjustment(String bidId, Kind kind, BigDecimal rate, RuleOutput by) {

    public enum Kind {
        DEDUCTION, BONUS
    }

    public static PriceAdjustment deduction(RuleContext rule, String bidId, BigDecimal rate) {
        return new PriceAdjustment(bidId, Kind.DEDUCTION, rate, RuleOutput.of(rule));
    }

    public static PriceAdjustment bonus(RuleContext rule, String bidId, BigDecimal rate) {
        return new PriceAdjustment(bidId, Kind.BONUS, rate, RuleOutput.of(rule));
    }
}
