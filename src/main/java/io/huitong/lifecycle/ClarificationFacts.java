package io.huitong.lifecycle;

import io.huitong.tender.Regime;

/** A clarification or amendment of the tender documents, as rules see it. */
public record ClarificationFacts(Regime law, boolean affectsPreparation) {
}
