package io.huitong.lifecycle;

import io.huitong.tender.Regime;
import io.huitong.tender.Tender;

/** A failed round, as {@code rules/lifecycle/failure-reasons.drl} sees it: its law, kind and counts. */
public record FailureFacts(Regime law, Tender.FailureKind kind, Integer validBidCount, Integer bidCount) {
}
