package io.huitong.evaluation;

import java.math.BigDecimal;
import java.util.List;

/** The objective parts the members gave one bid: fixed criteria leave no room for two values (O87 64). */
public record ObjectiveSpread(String bidId, String bidderName, List<BigDecimal> distinctValues) {

    public int getDistinct() {
        return distinctValues.size();
    }
}
