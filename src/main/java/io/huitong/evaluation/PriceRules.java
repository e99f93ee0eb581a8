package io.huitong.evaluation;

import io.huitong.bidding.Bid;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.tender.EvaluationScheme;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.registration.RegistrationDecision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the price rules of a tender's rule set decide ({@code rules/evaluation/}): the weight price carries and the
 * policy adjustments of the bids (SME46 10). The arithmetic on them is {@link PriceScoring}'s.
 */
@Component
class PriceRules implements EvaluationScheme.Source {

    private final TenderService tenders;
    private final RuleSetRegistry ruleSets;

    PriceRules(TenderService tenders, RuleSetRegistry ruleSets) {
        this.tenders = tenders;
        this.ruleSets = ruleSets;
    }

    /** The price rules for the tender and these bids. */
    record Pricing(PriceWeight weight, PriceFormula formula, List<PriceAdjustment> adjustments,
            RuleSet.Evaluation evaluation) {

        /** The most technical points a member may give: what price does not carry. */
        BigDecimal maxTechnical() {
            return PriceScoring.maxTechnical(formula, weight.weight());
        }
    }

    Pricing pricing(Tender tender, List<Bid> valid) {
        RegistrationDecision decisions = tenders.decisions(tender);
        List<Object> facts = new ArrayList<>();
        facts.add(new PricingFacts(decisions.applicableLaw(), tender.regime(), tender.category(),
                decisions.smeReserved()));
        valid.forEach(b -> facts.add(new PricedBid(b.id(), b.smeSize(), b.price())));
        RuleSet.Evaluation evaluation = ruleSets.version(tender.ruleSetVersion()).evaluate(tender.bidDeadlineDate(), facts);
        List<PriceWeight> weights = evaluation.all(PriceWeight.class);
        if (weights.size() != 1) {
            throw new IllegalStateException("the rules give " + weights.size() + " price weights for tender "
                    + tender.id());
        }
        List<PriceFormula> formulas = evaluation.all(PriceFormula.class);
        if (formulas.size() != 1) {
            throw new IllegalStateException("the rules give " + formulas.size() + " price formulas for tender "
                    + tender.id());
        }
        return new Pricing(weights.get(0), formulas.get(0), evaluation.all(PriceAdjustment.class), evaluation);
    }

    /** The most technical points a member may give: what price does not carry. */
    BigDecimal maxTechnicalScore(Tender tender) {
        return pricing(tender, List.of()).maxTechnical();
    }

    /**
     * The scheme a member scores by, for the tender view (O87 55): the most technical points and the price weight,
     * with the rule and article that set it.
     */
    @Override
    public EvaluationScheme of(Tender tender) {
        Pricing pricing = pricing(tender, List.of());
        PriceWeight weight = pricing.weight();
        return new EvaluationScheme(pricing.maxTechnical(), weight.weight(),
                weight.by().citation(), weight.by().rule(),
                "每位评委对每个合格投标给出技术分（0至maxTechnicalScore），价格分由系统按规则计算 / Each member gives every "
                        + "qualified bid a technical score from 0 to maxTechnicalScore; the price score is computed "
                        + "by the rules: POST /api/tenders/{id}/scores {\"scores\":{\"<bidId>\":<score>},"
                        + "\"objectiveScores\":{\"<bidId>\":<objective part>}}");
    }
}
