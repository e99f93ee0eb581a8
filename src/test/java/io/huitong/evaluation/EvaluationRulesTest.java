package io.huitong.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.bidding.SmeSize;
import io.huitong.rules.FiredRule;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.support.RuleSets;
import io.huitong.tender.Category;
import io.huitong.tender.Regime;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The committee and pricing rules of {@code rules/evaluation/}, at their boundaries. */
class EvaluationRulesTest {

    private static final Set<String> FIRED = new HashSet<>();

    static RuleSet.Evaluation evaluate(Object... facts) {
        RuleSet.Evaluation e = RuleSets.current().evaluate(List.of(facts));
        e.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
        return e;
    }

    static List<String> refusals(CommitteeFacts facts) {
        return evaluate(facts).all(Refusal.class).stream().map(r -> r.by().rule()).toList();
    }

    static CommitteeFacts tl(int size, int experts) {
        return new CommitteeFacts(Regime.TENDERING_LAW, Regime.TENDERING_LAW, true, new BigDecimal("5000000.00"), size,
                experts, 1, false);
    }

    static CommitteeFacts gp(String budget, int size, int experts, boolean representativeChairs) {
        return new CommitteeFacts(Regime.GOVERNMENT_PROCUREMENT, Regime.GOVERNMENT_PROCUREMENT, true,
                new BigDecimal(budget), size, experts, 1, representativeChairs);
    }

    @AfterAll
    static void everyEvaluationRuleIsExercised() {
        assertThat(io.huitong.support.RuleCoverage.unfired(FIRED, "io.huitong.rules.evaluation"))
                .as("evaluation rules that no test made fire").isEmpty();
    }

    @Nested
    class Committee {

        @Test
        void five_with_four_experts_is_enough_under_the_Tendering_Law() {
            assertThat(refusals(tl(5, 4))).isEmpty();
        }

        @Test
        void four_or_six_members_are_not() {
            assertThat(refusals(tl(4, 4))).containsExactly("TBL-37 a must-tender committee is an odd number of at least five");
            assertThat(refusals(tl(6, 6))).containsExactly("TBL-37 a must-tender committee is an odd number of at least five");
        }

        @Test
        void experts_are_at_least_two_thirds() {
            assertThat(refusals(tl(5, 3))).contains("TBL-37 experts are at least two thirds of a must-tender committee");
            assertThat(refusals(tl(7, 5))).isEmpty();
            assertThat(refusals(tl(7, 4))).contains("TBL-37 experts are at least two thirds of a must-tender committee");
            // the boundary, in the rule's own arithmetic: 6 of 9 is exactly two thirds (enough), 5 of 9 is not
            assertThat(refusals(tl(9, 6))).doesNotContain("TBL-37 experts are at least two thirds of a must-tender committee");
            assertThat(refusals(tl(9, 5))).contains("TBL-37 experts are at least two thirds of a must-tender committee");
        }

        @Test
        void the_tenderers_representatives_are_at_most_two_and_a_third() {
            String cq30 = "CQ-30 the tenderer's representatives are at most a third and at most two";
            assertThat(refusals(tl(9, 7))).as("2 of 9").isEmpty();
            assertThat(refusals(tl(9, 6))).as("3 of 9: a third, but more than two").containsExactly(cq30);
            assertThat(refusals(tl(5, 3))).as("2 of 5: more than a third").contains(cq30);
            assertThat(refusals(gp("5000000.00", 9, 6, false))).as("a local engineering rule").isEmpty();
        }

        @Test
        void a_project_that_need_not_be_tendered_has_no_size_rule() {
            var voluntary = new CommitteeFacts(Regime.TENDERING_LAW, Regime.TENDERING_LAW, false,
                    new BigDecimal("1000000.00"), 3, 2, 1, false);
            assertThat(refusals(voluntary)).isEmpty();
        }

        @Test
        void government_procurement_needs_seven_from_a_budget_of_10_000_000() {
            assertThat(refusals(gp("9999999.99", 5, 4, false))).isEmpty();
            assertThat(refusals(gp("10000000.00", 5, 4, false))).containsExactly("O87-47 a budget of 10,000,000 or more needs seven");
            assertThat(refusals(gp("10000000.00", 7, 5, false))).isEmpty();
        }

        @Test
        void government_procurement_size_experts_and_chair() {
            assertThat(refusals(gp("1000000.00", 4, 4, false)))
                    .containsExactly("O87-47 a government-procurement committee is an odd number of at least five");
            assertThat(refusals(gp("1000000.00", 5, 3, false)))
                    .containsExactly("O87-47 experts are at least two thirds of a government-procurement committee");
            assertThat(refusals(gp("1000000.00", 5, 4, true)))
                    .containsExactly("O87-47 the purchaser's representative may not chair");
        }

        @Test
        void the_tenderers_own_staff_do_not_sit_as_experts() {
            String tenderer = "12410100MB0000002Y";
            var employee = new CommitteeFacts.ExpertMember("x", tenderer, Set.of());
            var post = new CommitteeFacts.ExpertMember("y", "91410100MA0000003Z", Set.of(tenderer));
            var other = new CommitteeFacts.ExpertMember("z", "91410100MA0000003Z", Set.of());
            List<Refusal> tl = evaluate(tl(5, 4), new CommitteeFacts.Tenderer(tenderer), employee, post, other)
                    .all(Refusal.class);
            assertThat(tl).extracting(r -> r.value() + " " + r.by().citation())
                    .containsExactlyInAnyOrder("x TBL 37; R12 9", "y TBL 37; R12 9");
            assertThat(evaluate(gp("1000000.00", 5, 4, false), new CommitteeFacts.Tenderer(tenderer), employee, other)
                    .all(Refusal.class)).extracting(r -> r.value() + " " + r.by().citation())
                    .containsExactly("x O87 47");
            assertThat(refusals(tl(5, 4))).as("no tenderer named: nothing to tell staff by").isEmpty();
            assertThat(evaluate(tl(5, 4), employee).all(Refusal.class)).isEmpty();
        }

        @Test
        void a_committee_has_one_chair() {
            var noChair = new CommitteeFacts(Regime.TENDERING_LAW, Regime.TENDERING_LAW, true,
                    new BigDecimal("5000000.00"), 5, 4, 0, false);
            assertThat(refusals(noChair)).containsExactly("A committee has one chair");
        }
    }

    @Nested
    class Pricing {

        static BigDecimal weight(Regime law, Regime regime, Category category) {
            return evaluate(new PricingFacts(law, regime, category, false)).all(PriceWeight.class).get(0).weight();
        }

        @Test
        void price_weights_by_law_and_category() {
            assertThat(weight(Regime.GOVERNMENT_PROCUREMENT, Regime.GOVERNMENT_PROCUREMENT, Category.GOODS))
                    .isEqualByComparingTo("0.30");
            assertThat(weight(Regime.GOVERNMENT_PROCUREMENT, Regime.GOVERNMENT_PROCUREMENT, Category.SERVICES))
                    .isEqualByComparingTo("0.10");
            assertThat(weight(Regime.GOVERNMENT_PROCUREMENT, Regime.GOVERNMENT_PROCUREMENT, Category.WORKS))
                    .isEqualByComparingTo("0.30");
            assertThat(weight(Regime.TENDERING_LAW, Regime.TENDERING_LAW, Category.WORKS)).isEqualByComparingTo("0.40");
        }

        static List<PriceAdjustment> adjustments(Regime law, Regime regime, Category category, boolean reserved,
                SmeSize size) {
            return evaluate(new PricingFacts(law, regime, category, reserved),
                    new PricedBid("b", size, new BigDecimal("100.00"))).all(PriceAdjustment.class);
        }

        @Test
        void small_and_micro_firms_get_a_price_deduction_in_goods_and_services() {
            assertThat(adjustments(Regime.GOVERNMENT_PROCUREMENT, Regime.GOVERNMENT_PROCUREMENT, Category.GOODS, false,
                    SmeSize.MICRO)).singleElement().satisfies(a -> {
                        assertThat(a.kind()).isEqualTo(PriceAdjustment.Kind.DEDUCTION);
                        assertThat(a.rate()).isEqualByComparingTo("0.10");
                    });
            assertThat(adjustments(Regime.GOVERNMENT_PROCUREMENT, Regime.GOVERNMENT_PROCUREMENT, Category.SERVICES,
                    false, SmeSize.MEDIUM)).as("medium firms get none").isEmpty();
        }

        @Test
        void works_get_a_smaller_deduction_or_a_score_bonus_when_tendered() {
            assertThat(adjustments(Regime.GOVERNMENT_PROCUREMENT, Regime.GOVERNMENT_PROCUREMENT, Category.WORKS, false,
                    SmeSize.SMALL)).singleElement().satisfies(a -> assertThat(a.rate()).isEqualByComparingTo("0.03"));
            assertThat(adjustments(Regime.TENDERING_LAW, Regime.GOVERNMENT_PROCUREMENT, Category.WORKS, false,
                    SmeSize.SMALL)).singleElement()
                    .satisfies(a -> assertThat(a.kind()).isEqualTo(PriceAdjustment.Kind.BONUS));
            assertThat(adjustments(Regime.TENDERING_LAW, Regime.TENDERING_LAW, Category.WORKS, false,
                    SmeSize.SMALL)).as("not under the Tendering Law's own projects").isEmpty();
        }

        @Test
        void never_on_a_package_reserved_for_SMEs() {
            assertThat(adjustments(Regime.GOVERNMENT_PROCUREMENT, Regime.GOVERNMENT_PROCUREMENT, Category.GOODS, true,
                    SmeSize.MICRO)).isEmpty();
        }
    }

    @Nested
    class Ranking {

        static final String BY_TOTAL_GP = "O87-55 government procurement ranks by total score, high to low";
        static final String BY_PRICE_GP = "O87-55 equal scores rank by price, low to high; equal score and price rank equal";
        static final String DOCUMENTS_GP = "O87-68 candidates equal in score and price are decided by the tender documents' method";
        static final String DRAW_GP = "O87-68 where the documents state no method, a random draw decides";
        static final String DRAW_AFTER_GP = "O87-68 candidates the documents' method leaves equal are decided by a random draw";
        static final String BY_TOTAL_TL = "Tendering Law ranks by total score, high to low; equal totals rank equal";
        static final String DOCUMENTS_TL = "G1117 Tendering Law: equal totals are decided by the tender documents' method, never by lot";
        static final String SUBMISSION_TL = "G1117 Tendering Law: bids the documents' method leaves equal go by the earlier submission, never by lot";

        static List<RankingStep> steps(Regime law, io.huitong.tender.TieBreak method) {
            return evaluate(new RankingFacts(law, method)).all(RankingStep.class).stream()
                    .sorted(java.util.Comparator.comparingInt(RankingStep::order)).toList();
        }

        static List<String> rules(List<RankingStep> steps) {
            return steps.stream().map(s -> s.by().rule()).toList();
        }

        @Test
        void government_procurement_ranks_by_score_then_price_then_the_documents_method_then_a_draw() {
            List<RankingStep> steps = steps(Regime.GOVERNMENT_PROCUREMENT, io.huitong.tender.TieBreak.EARLIER_SUBMISSION);
            assertThat(rules(steps)).containsExactly(BY_TOTAL_GP, BY_PRICE_GP, DOCUMENTS_GP, DRAW_AFTER_GP);
            assertThat(steps).extracting(RankingStep::criterion).containsExactly(RankingStep.Criterion.TOTAL_SCORE,
                    RankingStep.Criterion.EVALUATED_PRICE, RankingStep.Criterion.SUBMISSION_TIME,
                    RankingStep.Criterion.DRAW);
            assertThat(steps).extracting(RankingStep::effect).containsExactly(RankingStep.Effect.RANK,
                    RankingStep.Effect.RANK, RankingStep.Effect.DECIDE, RankingStep.Effect.DECIDE);
            assertThat(steps.get(2).documentsMethod()).isEqualTo(io.huitong.tender.TieBreak.EARLIER_SUBMISSION);
            assertThat(steps.get(1).by().citation()).isEqualTo("O87 55");
            assertThat(steps.get(2).by().citation()).isEqualTo("O87 68");
        }

        @Test
        void government_procurement_without_a_method_in_the_documents_draws_after_score_and_price() {
            List<RankingStep> steps = steps(Regime.GOVERNMENT_PROCUREMENT, null);
            assertThat(rules(steps)).containsExactly(BY_TOTAL_GP, BY_PRICE_GP, DRAW_GP);
            assertThat(steps.get(2).criterion()).isEqualTo(RankingStep.Criterion.DRAW);
            assertThat(steps.get(2).by().citation()).startsWith("O87 68");
        }

        @Test
        void the_tendering_law_goes_by_the_documents_method_and_never_draws() {
            for (io.huitong.tender.TieBreak method : io.huitong.tender.TieBreak.values()) {
                List<RankingStep> steps = steps(Regime.TENDERING_LAW, method);
                assertThat(rules(steps)).containsExactly(BY_TOTAL_TL, DOCUMENTS_TL, SUBMISSION_TL);
                assertThat(steps.get(1).criterion()).isEqualTo(RankingStep.Criterion.of(method));
                assertThat(steps).extracting(RankingStep::criterion).doesNotContain(RankingStep.Criterion.DRAW);
            }
            assertThat(rules(steps(Regime.TENDERING_LAW, null))).as("a tender registered before the method was asked")
                    .containsExactly(BY_TOTAL_TL, SUBMISSION_TL);
        }

        @Test
        void at_most_three_candidates_under_either_law() {
            for (Regime law : Regime.values()) {
                assertThat(evaluate(new RankingFacts(law, null)).all(CandidateLimit.class)).singleElement()
                        .satisfies(l -> {
                            assertThat(l.max()).isEqualTo(3);
                            assertThat(l.by().citation()).startsWith("TBR 53");
                        });
            }
        }
    }

    @Nested
    class Score_review {

        static MemberScore score(String member, String technical, String median, String share, int members) {
            return new MemberScore("b1", "投标人1", member, "专家" + member, new BigDecimal(technical),
                    new BigDecimal(median), new BigDecimal(share), members);
        }

        static List<ScoreFlag.Raised> flags(Object... facts) {
            return evaluate(facts).all(ScoreFlag.Raised.class);
        }

        @Test
        void a_score_more_than_a_quarter_of_the_scale_from_the_median_is_flagged() {
            assertThat(flags(score("m1", "20", "40", "0.250001", 5))).singleElement()
                    .satisfies(f -> {
                        assertThat(f.kind()).isEqualTo(ScoreFlag.Kind.OUTLIER);
                        assertThat(f.memberId()).isEqualTo("m1");
                        assertThat(f.by().citation()).isEqualTo("G1117 (五); O87 64");
                    });
            assertThat(flags(score("m1", "25", "40", "0.25", 5))).as("exactly a quarter").isEmpty();
            assertThat(flags(score("m1", "0", "40", "0.5", 2))).as("two members have no median to stray from")
                    .isEmpty();
        }

        @Test
        void objective_scores_that_differ_are_flagged_once_per_bid() {
            assertThat(flags(new ObjectiveSpread("b1", "投标人1", List.of(new BigDecimal("10"), new BigDecimal("12")))))
                    .singleElement().satisfies(f -> {
                        assertThat(f.kind()).isEqualTo(ScoreFlag.Kind.INCONSISTENT_OBJECTIVE);
                        assertThat(f.memberId()).isNull();
                        assertThat(f.by().citation()).isEqualTo("O87 64; G1117 (五)");
                    });
            assertThat(flags(new ObjectiveSpread("b1", "投标人1", List.of(new BigDecimal("10"))))).isEmpty();
            assertThat(flags(new ObjectiveSpread("b1", "投标人1", List.of()))).isEmpty();
        }
    }

    @Nested
    class CollusionReport {

        CollusionReportRecipient recipient(Regime law) {
            List<CollusionReportRecipient> recipients = evaluate(new ConfirmedCollusion(law,
                    law == Regime.TENDERING_LAW ? "TBR 40(一)" : "O87 37(一)")).all(CollusionReportRecipient.class);
            assertThat(recipients).as("exactly one recipient under " + law).hasSize(1);
            return recipients.get(0);
        }

        @Test
        void under_government_procurement_the_finance_department_receives_the_written_report() {
            CollusionReportRecipient r = recipient(Regime.GOVERNMENT_PROCUREMENT);
            assertThat(r.group()).isEqualTo("finance-department");
            assertThat(r.by().citation()).isEqualTo("O87 36");
        }

        @Test
        void one_legal_representative_confirmed_invalidates_the_bids_without_a_collusion_report() {
            for (var c : List.of(List.of(Regime.TENDERING_LAW, "TBR 34"), List.of(Regime.GOVERNMENT_PROCUREMENT,
                    "GPR 18"))) {
                RuleSet.Evaluation e = evaluate(new ConfirmedCollusion((Regime) c.get(0), (String) c.get(1)));
                assertThat(e.all(CollusionReportRecipient.class)).as(c + ": no collusion report").isEmpty();
                assertThat(e.all(InvalidWithoutCollusion.class)).singleElement()
                        .satisfies(i -> assertThat(i.by().citation()).isEqualTo(c.get(1)));
            }
            assertThat(evaluate(new ConfirmedCollusion(Regime.TENDERING_LAW, "GPR 18"))
                    .all(CollusionReportRecipient.class)).as("the other law's article is no exception here")
                    .hasSize(1);
        }

        @Test
        void under_the_tendering_law_the_case_goes_to_the_supervising_department() {
            CollusionReportRecipient r = recipient(Regime.TENDERING_LAW);
            assertThat(r.group()).isEqualTo("supervisor");
            assertThat(r.by().citation()).isEqualTo("TBR 51(七)");
        }
    }

    /** The qualified bids an evaluation needs (minimum-qualified.drl): just below, at and just above. */
    @Nested
    class Minimum_qualified {

        List<TooFewQualified> tooFew(Regime law, int count) {
            return evaluate(new QualifiedBids(law, count)).all(TooFewQualified.class);
        }

        @Test
        void government_procurement_evaluates_from_3_qualified_bidders() {
            assertThat(tooFew(Regime.GOVERNMENT_PROCUREMENT, 2)).singleElement().satisfies(t -> {
                assertThat(t.minimum()).isEqualTo(3);
                assertThat(t.count()).isEqualTo(2);
                assertThat(t.by().citation()).isEqualTo("GPL 36; O87 44");
            });
            assertThat(tooFew(Regime.GOVERNMENT_PROCUREMENT, 3)).as("at the minimum").isEmpty();
            assertThat(tooFew(Regime.GOVERNMENT_PROCUREMENT, 4)).isEmpty();
        }

        @Test
        void under_the_tendering_law_fewer_than_3_let_the_committee_reject_them_all() {
            assertThat(tooFew(Regime.TENDERING_LAW, 2)).singleElement()
                    .satisfies(t -> assertThat(t.by().citation()).isEqualTo("R12 27; G1117 (十三)"));
            assertThat(tooFew(Regime.TENDERING_LAW, 3)).as("at the minimum").isEmpty();
            assertThat(tooFew(Regime.TENDERING_LAW, 4)).isEmpty();
            assertThat(tooFew(Regime.TENDERING_LAW, 0)).hasSize(1);
        }
    }

    /** Experts only from the pool (expert-pool.drl). */
    @Nested
    class Expert_pool {

        @Test
        void an_expert_outside_the_pool_is_refused_with_its_article() {
            List<Refusal> refused = evaluate(new CommitteeFacts.ExpertSeat("u1", false)).all(Refusal.class);
            assertThat(refused).singleElement().satisfies(r -> {
                assertThat(r.by().rule()).isEqualTo("TBR-45 experts come from the pool of evaluation experts");
                assertThat(r.by().citation()).isEqualTo("TBR 45; O87 48");
                assertThat(r.value()).isEqualTo("u1");
            });
            assertThat(evaluate(new CommitteeFacts.ExpertSeat("u2", true)).all(Refusal.class)).isEmpty();
        }
    }

    /** How price is scored (price-formula.drl): the base, the points, the rounding, per law. */
    @Nested
    class Price_formula {

        PriceFormula formula(Regime law) {
            List<PriceFormula> formulas = evaluate(new PricingFacts(law, law, Category.GOODS, false))
                    .all(PriceFormula.class);
            assertThat(formulas).as(law + ": one formula").hasSize(1);
            return formulas.get(0);
        }

        @Test
        void government_procurement_scores_against_the_lowest_evaluated_price_out_of_100() {
            PriceFormula f = formula(Regime.GOVERNMENT_PROCUREMENT);
            assertThat(f.base()).isEqualTo(PriceFormula.Base.LOWEST_EVALUATED_PRICE);
            assertThat(f.totalPoints()).isEqualByComparingTo("100");
            assertThat(f.priceScale()).isEqualTo(2);
            assertThat(f.scoreScale()).isEqualTo(4);
            assertThat(f.by().citation()).isEqualTo("O87 55");
        }

        @Test
        void the_tendering_law_uses_the_same_formula_as_the_documents_default() {
            PriceFormula f = formula(Regime.TENDERING_LAW);
            assertThat(f.base()).isEqualTo(PriceFormula.Base.LOWEST_EVALUATED_PRICE);
            assertThat(f.totalPoints()).isEqualByComparingTo("100");
            assertThat(f.by().citation()).isEqualTo("R12 (综合评估法)");
        }
    }
}
