package io.huitong.tender;

import java.math.BigDecimal;

/**
 * What a committee member needs before scoring: the points a member gives at most (what price does not carry),
 * the share of price in the total, and the article and rule that set it. The evaluation module supplies it.
 */
public record EvaluationScheme(BigDecimal maxTechnicalScore, BigDecimal priceWeight, String priceWeightCitation,
        String priceWeightRule, String howToScore) {

    /** Supplies a tender's scheme from the rules of its version (implemented by the evaluation module). */
    public interface Source {
        EvaluationScheme of(Tender tender);
    }
}
