package io.huitong.bidding;

import io.huitong.rules.RuleOutput;
import java.math.BigDecimal;
import org.kie.api.runtime.rule.RuleContext;

/** A late fee owed with a bond refunded late (O87 38), stamped with the rule and its article. */
public record LateFee(String bidId, BigDecimal amount, long daysLate, RuleOutput by) {

    /** The fee on {@code refund} over a year of {@code daysPerYear} days, as the rule reads the policy. */
    public static LateFee of(RuleContext rule, LateRefund refund, BigDecimal daysPerYear) {
        return new LateFee(refund.bidId(), refund.fee(daysPerYear), refund.daysLate(), RuleOutput.of(rule));
    }
}
