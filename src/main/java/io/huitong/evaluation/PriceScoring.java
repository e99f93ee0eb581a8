package io.huitong.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of the valid bids, as a pure function of what the rules decided (the formula, the price weight and the
 * policy adjustments) and what the members gave (their technical scores): no Spring, no database.
 * <p>
 * The evaluated price is the bid price less its deduction (the adjusted price serves as base and bid alike); the base
 * price is the one the formula names; the price score is base over evaluated price times the formula's points times
 * the weight, raised by the bid's bonus; the technical score is the members' average; the total is their sum; each
 * rounded to the formula's places ({@code rules/evaluation/price-formula.drl}).
 */
final class PriceScoring {

    /** Places of the intermediate ratio of base over price: arithmetic, not law (the result is rounded after). */
    private static final int RATIO_SCALE = 10;

    private PriceScoring() {
    }

    /** A valid bid's price as offered. */
    record Offer(String bidId, BigDecimal price) {
    }

    /** One bid's scores. */
    record Scores(String bidId, BigDecimal evaluatedPrice, BigDecimal priceScore, BigDecimal technicalScore,
            BigDecimal total) {
    }

    /** The most technical points a member may give: what price does not carry of the formula's points. */
    static BigDecimal maxTechnical(PriceFormula formula, BigDecimal priceWeight) {
        return formula.totalPoints().subtract(formula.totalPoints().multiply(priceWeight));
    }

    /**
     * The scores of each offer, in the offers' order.
     *
     * @param formula     the base price, the points and the rounding the rules name
     * @param priceWeight the share of the total that price carries (0.30 = 30 of 100 points)
     * @param adjustments the rules' deductions from prices and bonuses on price scores, by bid
     * @param technical   each bid's technical scores by member; a bid no member scored has 0
     */
    static List<Scores> score(PriceFormula formula, BigDecimal priceWeight, List<PriceAdjustment> adjustments, List<Offer> offers,
            Map<String, Map<String, BigDecimal>> technical) {
        Map<String, BigDecimal> deduction = new HashMap<>();
        Map<String, BigDecimal> bonus = new HashMap<>();
        for (PriceAdjustment a : adjustments) {
            (a.kind() == PriceAdjustment.Kind.DEDUCTION ? deduction : bonus).put(a.bidId(), a.rate());
        }
        Map<String, BigDecimal> evaluatedPrice = new HashMap<>();
        for (Offer offer : offers) {
            BigDecimal d = deduction.getOrDefault(offer.bidId(), BigDecimal.ZERO);
            evaluatedPrice.put(offer.bidId(),
                    offer.price().multiply(BigDecimal.ONE.subtract(d)).setScale(formula.priceScale(), RoundingMode.HALF_UP));
        }
        BigDecimal base = switch (formula.base()) {
            case LOWEST_EVALUATED_PRICE -> evaluatedPrice.values().stream().min(Comparator.naturalOrder())
                    .orElse(BigDecimal.ONE);
        };
        List<Scores> scores = new ArrayList<>();
        for (Offer offer : offers) {
            BigDecimal evaluated = evaluatedPrice.get(offer.bidId());
            BigDecimal price = base.divide(evaluated, RATIO_SCALE, RoundingMode.HALF_UP).multiply(formula.totalPoints())
                    .multiply(priceWeight)
                    .multiply(BigDecimal.ONE.add(bonus.getOrDefault(offer.bidId(), BigDecimal.ZERO)))
                    .setScale(formula.scoreScale(), RoundingMode.HALF_UP);
            Map<String, BigDecimal> byMember = technical.getOrDefault(offer.bidId(), Map.of());
            BigDecimal tech = byMember.isEmpty() ? BigDecimal.ZERO : byMember.values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(byMember.size()), formula.scoreScale(), RoundingMode.HALF_UP);
            scores.add(new Scores(offer.bidId(), evaluated, price, tech, tech.add(price)));
        }
        return scores;
    }
}
