package io.huitong.bidding;

import io.huitong.tender.BondForm;
import io.huitong.tender.Regime;
import java.math.BigDecimal;

/** A bond refunded, as the refund rules see it: its law, form, amount, how many days after its due date, the rate. */
public record LateRefund(Regime law, String bidId, BondForm form, BigDecimal amount, long daysLate,
        BigDecimal annualRate) {

    /** A guarantee (a letter, not money) is surrendered, not paid back: no fee runs on it. */
    public boolean isMoney() {
        return form != null && !form.isGuarantee();
    }

    /**
     * The fee for the days late at the annual rate, a year of the days the refund rule names
     * ({@code refund.late-fee.days-per-year}), to the fen.
     */
    public BigDecimal fee(BigDecimal daysPerYear) {
        return amount.multiply(annualRate).multiply(BigDecimal.valueOf(daysLate))
                .divide(daysPerYear, 2, java.math.RoundingMode.HALF_UP);
    }
}
