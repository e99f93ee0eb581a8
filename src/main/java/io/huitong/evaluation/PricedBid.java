package io.huitong.evaluation;

import io.huitong.bidding.SmeSize;
import java.math.BigDecimal;

/** A valid bid, as the pricing rules see it. */
public record PricedBid(String bidId, SmeSize smeSize, BigDecimal price) {

    public boolean isSmallOrMicro() {
        return smeSize.isSmallOrMicro();
    }
}
