package io.huitong.lifecycle;

import io.huitong.tender.Category;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import java.math.BigDecimal;

/** A tender as the lifecycle rules see it. */
public record LifecycleFacts(Regime law, Regime regime, Category category, ProcurementMethod method,
        boolean mustTender, boolean stateFundedMustTender, String regionCode, BigDecimal estimatedAmount) {

    public LifecycleFacts(Regime law, Regime regime, Category category, ProcurementMethod method, boolean mustTender,
            boolean stateFundedMustTender) {
        this(law, regime, category, method, mustTender, stateFundedMustTender, "000000", BigDecimal.ZERO);
    }

    /** The province: the first two digits of the region code. */
    public String getProvince() {
        return regionCode.substring(0, 2);
    }
}
