package io.huitong.evaluation;

import io.huitong.tender.Regime;
import java.math.BigDecimal;

/** A committee as the composition rules see it. */
public record CommitteeFacts(Regime law, Regime regime, boolean mustTender, BigDecimal estimatedAmount, int size,
        int experts, int chairs, boolean chairIsPurchaserRepresentative) {

    /** The tenderer's (purchaser's) representatives: every member who is not an expert. */
    public int getRepresentatives() {
        return size - experts;
    }

    public boolean isOdd() {
        return size % 2 == 1;
    }

    /** Experts are at least two thirds of the members (TBL 37; O87 47). */
    public boolean isExpertsTwoThirds() {
        return experts * 3 >= size * 2;
    }
}
