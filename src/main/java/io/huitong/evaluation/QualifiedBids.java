package io.huitong.evaluation;

import io.huitong.tender.Regime;

/** The bids still qualified after the committee's review, as the rules of {@code minimum-qualified.drl} see them. */
public record QualifiedBids(Regime law, int count) {
}
