package io.huitong.lifecycle;

import io.huitong.tender.Regime;

/** What the purchaser asks after a failure, as the rules see it. */
public record AfterFailureFacts(Regime law, int round, boolean methodChange, boolean documentsDefective) {
}
