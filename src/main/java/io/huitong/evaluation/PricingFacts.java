package io.huitong.evaluation;

import io.huitong.tender.Category;
import io.huitong.tender.Regime;

/** The procurement, as the pricing rules see it. */
public record PricingFacts(Regime law, Regime regime, Category category, boolean smeReserved) {
}
