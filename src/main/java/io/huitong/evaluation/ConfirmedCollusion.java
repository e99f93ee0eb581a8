package io.huitong.evaluation;

import io.huitong.tender.Regime;

/**
 * The fact the collusion-report rules match: a committee confirmed a flag raised under {@code flagCitation} in a
 * procedure under this law.
 */
public record ConfirmedCollusion(Regime law, String flagCitation) {
}
