package io.huitong.evaluation;

import io.huitong.tender.Regime;
import io.huitong.tender.TieBreak;

/**
 * The tender as the ranking rules see it: the law that governs it and the tender documents' method for
 * candidates ranked equal ({@code null}: the documents state none).
 */
public record RankingFacts(Regime law, TieBreak documentsMethod) {
}
