package io.huitong.lifecycle;

import io.huitong.tender.Category;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;

/** A tender as the lifecycle rules see it. */
public record LifecycleFacts(Regime law, Regime regime, Category category, ProcurementMethod method,
        boolean mustTender, boolean stateFundedMustTender) {
}
