package io.huitong.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scores of the bids as a pure function (O87 55): no Spring, no database, the rules' weight and adjustments
 * given as values.
 */
class PriceScoringTest {

    private static final BigDecimal WEIGHT = new BigDecimal("0.30");

    /** The formula as the rules name it (price-formula.drl): lowest evaluated price as base, 100 points. */
    private static final PriceFormula FORMULA = io.huitong.support.RuleSets.current().evaluate(List.of(
            new PricingFacts(io.huitong.tender.Regime.GOVERNMENT_PROCUREMENT,
                    io.huitong.tender.Regime.GOVERNMENT_PROCUREMENT, io.huitong.tender.Category.GOODS, false)))
            .all(PriceFormula.class).get(0);

    private static PriceScoring.Offer offer(String bidId, String price) {
        return new PriceScoring.Offer(bidId, new BigDecimal(price));
    }

    private static Map<String, BigDecimal> members(String... scores) {
        Map<String, BigDecimal> byMember = new java.util.LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            byMember.put("m" + i, new BigDecimal(scores[i]));
        }
        return byMember;
    }

    @Test
    void the_lowest_price_is_the_base_and_takes_every_price_point() {
        List<PriceScoring.Scores> scores = PriceScoring.score(FORMULA, WEIGHT, List.of(),
                List.of(offer("b1", "2000000.00"), offer("b2", "1000000.00")),
                Map.of("b1", members("60", "70"), "b2", members("50", "50", "56")));

        assertThat(scores).extracting(PriceScoring.Scores::bidId).containsExactly("b1", "b2");
        PriceScoring.Scores dearer = scores.get(0);
        assertThat(dearer.evaluatedPrice()).isEqualByComparingTo("2000000.00");
        assertThat(dearer.priceScore()).isEqualByComparingTo("15.0000");
        assertThat(dearer.technicalScore()).isEqualByComparingTo("65.0000");
        assertThat(dearer.total()).isEqualByComparingTo("80.0000");
        PriceScoring.Scores cheaper = scores.get(1);
        assertThat(cheaper.priceScore()).isEqualByComparingTo("30.0000");
        assertThat(cheaper.technicalScore()).isEqualByComparingTo("52.0000");
        assertThat(cheaper.total()).isEqualByComparingTo("82.0000");
    }

    @Test
    void a_deduction_lowers_the_price_scored_and_the_base_alike() {
        // a small enterprise's 10% deduction (SME46 10): its 1,000,000 is scored as 900,000, which becomes the base
        List<PriceScoring.Scores> scores = PriceScoring.score(FORMULA, WEIGHT,
                List.of(new PriceAdjustment("small", PriceAdjustment.Kind.DEDUCTION, new BigDecimal("0.10"), null)),
                List.of(offer("large", "950000.00"), offer("small", "1000000.00")), Map.of());

        assertThat(scores.get(1).evaluatedPrice()).isEqualByComparingTo("900000.00");
        assertThat(scores.get(1).priceScore()).isEqualByComparingTo("30.0000");
        assertThat(scores.get(0).evaluatedPrice()).isEqualByComparingTo("950000.00");
        assertThat(scores.get(0).priceScore()).isEqualByComparingTo("28.4211");
    }

    @Test
    void a_bonus_raises_the_price_score_and_leaves_the_base() {
        List<PriceScoring.Scores> scores = PriceScoring.score(FORMULA, WEIGHT,
                List.of(new PriceAdjustment("b2", PriceAdjustment.Kind.BONUS, new BigDecimal("0.05"), null)),
                List.of(offer("b1", "100.00"), offer("b2", "200.00")), Map.of());

        assertThat(scores.get(0).priceScore()).isEqualByComparingTo("30.0000");
        assertThat(scores.get(1).priceScore()).isEqualByComparingTo("15.7500");
    }

    @Test
    void a_bid_no_member_scored_has_its_price_score_only() {
        List<PriceScoring.Scores> scores = PriceScoring.score(FORMULA, WEIGHT, List.of(), List.of(offer("b1", "100.00")),
                Map.of());

        assertThat(scores.get(0).technicalScore()).isEqualByComparingTo("0");
        assertThat(scores.get(0).total()).isEqualByComparingTo("30.0000");
    }

    @Test
    void the_technical_average_is_kept_to_four_places() {
        List<PriceScoring.Scores> scores = PriceScoring.score(FORMULA, WEIGHT, List.of(), List.of(offer("b1", "100.00")),
                Map.of("b1", members("60", "61", "61")));

        assertThat(scores.get(0).technicalScore()).isEqualByComparingTo("60.6667");
    }

    @Test
    void members_give_at_most_what_price_does_not_carry() {
        assertThat(PriceScoring.maxTechnical(FORMULA, WEIGHT)).isEqualByComparingTo("70");
        assertThat(PriceScoring.maxTechnical(FORMULA, new BigDecimal("0.10"))).isEqualByComparingTo("90");
        assertThat(PriceScoring.score(FORMULA, WEIGHT, List.of(), List.of(), Map.of())).isEmpty();
    }
}
