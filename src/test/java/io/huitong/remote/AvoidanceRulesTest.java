package io.huitong.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.rules.FiredRule;
import io.huitong.rules.RuleSet;
import io.huitong.support.RuleSets;
import io.huitong.tender.Regime;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The avoidance rules of {@code rules/remote/avoidance.drl}, at their boundaries, and the draw that follows them. */
class AvoidanceRulesTest {

    private static final Set<String> FIRED = new HashSet<>();
    static final LocalDate DAY = LocalDate.of(2026, 12, 23);
    static final String BIDDER = "91410100MA0000001X";
    static final String PURCHASER = "12410100MB0000002Y";
    static final String AGENCY = "91410100MA0000003Z";

    static DrawFacts.Context tl() {
        return new DrawFacts.Context(Regime.TENDERING_LAW, Regime.TENDERING_LAW, DAY, PURCHASER, AGENCY, "郑州市住建局");
    }

    static DrawFacts.Context gp() {
        return new DrawFacts.Context(Regime.GOVERNMENT_PROCUREMENT, Regime.GOVERNMENT_PROCUREMENT, DAY, PURCHASER, AGENCY,
                null);
    }

    static DrawFacts.Candidate expert(String id) {
        return new DrawFacts.Candidate(id, "专家" + id, "ZZ", null, null, 15, true);
    }

    static List<String> excluded(Object... facts) {
        RuleSet.Evaluation e = RuleSets.current().evaluate(List.of(facts));
        e.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
        return e.all(DrawFacts.Exclusion.class).stream().map(x -> x.expertId() + " " + x.by().citation()).distinct()
                .toList();
    }

    @AfterAll
    static void everyAvoidanceRuleIsExercised() {
        assertThat(io.huitong.support.RuleCoverage.unfired(FIRED, "io.huitong.rules.remote"))
                .as("avoidance rules that no test made fire").isEmpty();
    }

    @Test
    void a_relative_of_a_bidders_principal_withdraws_under_either_law() {
        var relative = new DrawFacts.Relation("x", BIDDER, Expert.Relation.Kind.RELATIVE);
        assertThat(excluded(tl(), new DrawFacts.Bidder(BIDDER), expert("x"), relative))
                .containsExactly("x R12 12(一); TBL 37");
        assertThat(excluded(gp(), new DrawFacts.Bidder(BIDDER), expert("x"), relative)).containsExactly("x GPR 9");
        assertThat(excluded(tl(), new DrawFacts.Bidder("91410100MA00000098"), expert("x"), relative))
                .as("a relative of someone who does not bid").isEmpty();
    }

    @Test
    void staff_of_the_supervising_department_do_not_sit() {
        var official = new DrawFacts.Candidate("x", "x", "ZZ", null, "郑州市住建局", 15, true);
        assertThat(excluded(tl(), official)).containsExactly("x TBR 46; R12 12(二)");
        assertThat(excluded(tl(), new DrawFacts.Candidate("x", "x", "ZZ", null, "洛阳市住建局", 15, true))).isEmpty();
    }

    @Test
    void a_current_post_or_an_interest_in_a_bidder_excludes_under_the_Tendering_Law() {
        var post = new DrawFacts.Employment("x", BIDDER, Expert.Employment.Role.EMPLOYEE, DAY.minusYears(2), null);
        assertThat(excluded(tl(), new DrawFacts.Bidder(BIDDER), expert("x"), post)).containsExactly("x R12 12(三); TBL 37");
        var left = new DrawFacts.Employment("x", BIDDER, Expert.Employment.Role.EMPLOYEE, DAY.minusYears(2),
                DAY.minusDays(1));
        assertThat(excluded(tl(), new DrawFacts.Bidder(BIDDER), expert("x"), left)).as("left the day before").isEmpty();
        var lastDay = new DrawFacts.Employment("x", BIDDER, Expert.Employment.Role.EMPLOYEE, DAY.minusYears(2), DAY);
        assertThat(excluded(tl(), new DrawFacts.Bidder(BIDDER), expert("x"), lastDay)).hasSize(1);
        var interest = new DrawFacts.Relation("x", BIDDER, Expert.Relation.Kind.ECONOMIC_INTEREST);
        assertThat(excluded(tl(), new DrawFacts.Bidder(BIDDER), expert("x"), interest)).containsExactly("x R12 12(三); TBL 37");
        assertThat(excluded(gp(), new DrawFacts.Bidder(BIDDER), expert("x"), interest)).containsExactly("x GPR 9");
    }

    @Test
    void government_procurement_looks_back_three_years_to_the_day() {
        var ended3y = new DrawFacts.Employment("x", BIDDER, Expert.Employment.Role.DIRECTOR, DAY.minusYears(6),
                DAY.minusYears(3));
        assertThat(excluded(gp(), new DrawFacts.Bidder(BIDDER), expert("x"), ended3y)).containsExactly("x GPR 9");
        var ended3y1d = new DrawFacts.Employment("x", BIDDER, Expert.Employment.Role.DIRECTOR, DAY.minusYears(6),
                DAY.minusYears(3).minusDays(1));
        assertThat(excluded(gp(), new DrawFacts.Bidder(BIDDER), expert("x"), ended3y1d)).isEmpty();
        var controller = new DrawFacts.Employment("x", BIDDER, Expert.Employment.Role.ACTUAL_CONTROLLER,
                DAY.minusYears(1), null);
        assertThat(excluded(gp(), new DrawFacts.Bidder(BIDDER), expert("x"), controller)).containsExactly("x GPR 9");
    }

    @Test
    void a_penalty_for_misconduct_in_tendering_excludes() {
        var penalty = new DrawFacts.Penalty("x", Expert.Penalty.Kind.ADMINISTRATIVE, LocalDate.of(2020, 5, 1));
        assertThat(excluded(tl(), expert("x"), penalty)).containsExactly("x R12 12(四)");
    }

    @Test
    void eight_years_and_a_senior_title_are_needed_under_the_Tendering_Law() {
        assertThat(excluded(tl(), new DrawFacts.Candidate("x", "x", "ZZ", null, null, 7, true)))
                .containsExactly("x TBL 37; R12 11");
        assertThat(excluded(tl(), new DrawFacts.Candidate("x", "x", "ZZ", null, null, 8, true))).isEmpty();
        assertThat(excluded(tl(), new DrawFacts.Candidate("x", "x", "ZZ", null, null, 20, false))).hasSize(1);
        assertThat(excluded(gp(), new DrawFacts.Candidate("x", "x", "ZZ", null, null, 7, false))).isEmpty();
    }

    @Test
    void the_purchasers_own_experts_and_the_agencys_staff_do_not_evaluate() {
        assertThat(excluded(gp(), new DrawFacts.Candidate("x", "x", "ZZ", PURCHASER, null, 15, true)))
                .containsExactly("x O87 47");
        assertThat(excluded(gp(), new DrawFacts.Candidate("x", "x", "ZZ", AGENCY, null, 15, true)))
                .containsExactly("x O87 47");
        assertThat(excluded(tl(), new DrawFacts.Candidate("x", "x", "ZZ", PURCHASER, null, 15, true)))
                .as("the Tendering Law's own rule, TBL 37").containsExactly("x TBL 37; R12 9");
        assertThat(excluded(tl(), new DrawFacts.Candidate("x", "x", "ZZ", AGENCY, null, 15, true)))
                .as("O87 47 is a procurement rule").isEmpty();
    }

    @Test
    void the_tenderers_own_staff_are_not_drawn_as_experts_under_the_Tendering_Law() {
        // TBL 37: the tenderer's people sit as its representatives, within their share; the experts are others
        assertThat(excluded(tl(), new DrawFacts.Candidate("x", "x", "ZZ", PURCHASER, null, 15, true)))
                .containsExactly("x TBL 37; R12 9");
        var post = new DrawFacts.Employment("x", PURCHASER, Expert.Employment.Role.EMPLOYEE, DAY.minusYears(2), null);
        assertThat(excluded(tl(), expert("x"), post)).as("a post with the tenderer on the day")
                .containsExactly("x TBL 37; R12 9");
        assertThat(excluded(tl(), new DrawFacts.Candidate("x", "x", "ZZ", PURCHASER, null, 15, true), post))
                .as("employer and post: excluded once").containsExactly("x TBL 37; R12 9");
        assertThat(RuleSets.current().evaluate(List.of(tl(), new DrawFacts.Candidate("x", "x", "ZZ", PURCHASER, null,
                15, true), post)).all(DrawFacts.Exclusion.class)).hasSize(1);
        var lastDay = new DrawFacts.Employment("x", PURCHASER, Expert.Employment.Role.EMPLOYEE, DAY.minusYears(2), DAY);
        assertThat(excluded(tl(), expert("x"), lastDay)).as("leaves on the day").containsExactly("x TBL 37; R12 9");
        var left = new DrawFacts.Employment("x", PURCHASER, Expert.Employment.Role.EMPLOYEE, DAY.minusYears(2),
                DAY.minusDays(1));
        assertThat(excluded(tl(), expert("x"), left)).as("left the day before").isEmpty();
        var starts = new DrawFacts.Employment("x", PURCHASER, Expert.Employment.Role.EMPLOYEE, DAY.plusDays(1), null);
        assertThat(excluded(tl(), expert("x"), starts)).as("joins the day after").isEmpty();
        assertThat(excluded(tl(), new DrawFacts.Candidate("x", "x", "ZZ", AGENCY, null, 15, true)))
                .as("another unit").isEmpty();
        assertThat(excluded(new DrawFacts.Context(Regime.TENDERING_LAW, Regime.TENDERING_LAW, DAY, null, AGENCY,
                "郑州市住建局"), new DrawFacts.Candidate("x", "x", "ZZ", PURCHASER, null, 15, true)))
                .as("no tenderer named").isEmpty();
        assertThat(excluded(gp(), new DrawFacts.Candidate("x", "x", "ZZ", PURCHASER, null, 15, true)))
                .as("procurement: O87 47 alone").containsExactly("x O87 47");
    }

    @Test
    void an_employer_in_a_control_relation_with_a_bidder_excludes() {
        String parent = "91410100MA00000045";
        var post = new DrawFacts.Employment("x", parent, Expert.Employment.Role.EMPLOYEE, DAY.minusYears(5), null);
        assertThat(excluded(tl(), new DrawFacts.RelatedToBidder(parent, BIDDER), expert("x"), post))
                .containsExactly("x R12 12(三)");
        var former = new DrawFacts.Employment("x", parent, Expert.Employment.Role.EMPLOYEE, DAY.minusYears(5),
                DAY.minusYears(1));
        assertThat(excluded(tl(), new DrawFacts.RelatedToBidder(parent, BIDDER), expert("x"), former)).isEmpty();
        assertThat(excluded(gp(), new DrawFacts.RelatedToBidder(parent, BIDDER), expert("x"), former))
                .as("procurement looks back three years").containsExactly("x GPR 9 (其他利害关系)");
        var longAgo = new DrawFacts.Employment("x", parent, Expert.Employment.Role.EMPLOYEE, DAY.minusYears(9),
                DAY.minusYears(3).minusDays(1));
        assertThat(excluded(gp(), new DrawFacts.RelatedToBidder(parent, BIDDER), expert("x"), longAgo)).isEmpty();
    }

    @Test
    void an_expert_away_on_the_day_is_not_drawn() {
        assertThat(excluded(tl(), expert("x"), new DrawFacts.Absence("x", DAY, DAY))).hasSize(1);
        assertThat(excluded(tl(), expert("x"), new DrawFacts.Absence("x", DAY.plusDays(1), DAY.plusDays(3)))).isEmpty();
        assertThat(excluded(tl(), expert("x"), new DrawFacts.Absence("x", DAY.minusDays(3), DAY.minusDays(1)))).isEmpty();
    }

    @Test
    void no_excluded_expert_is_ever_drawn() {
        // random pools with random conflicts, through the rules and the snapshot the service builds, drawn with
        // random seeds: an excluded expert never comes out
        java.util.Random random = new java.util.Random(20261127);
        SecureRandom seeds = new SecureRandom();
        for (int round = 0; round < 60; round++) {
            List<Object> facts = new ArrayList<>(List.of(random.nextBoolean() ? tl() : gp(), new DrawFacts.Bidder(BIDDER)));
            List<String> pool = new ArrayList<>();
            int size = 6 + random.nextInt(10);
            for (int i = 1; i <= size; i++) {
                String id = String.format("r%02d-e%02d", round, i);
                pool.add(id);
                facts.add(expert(id));
                switch (random.nextInt(5)) {
                    case 0 -> facts.add(new DrawFacts.Relation(id, BIDDER, Expert.Relation.Kind.RELATIVE));
                    case 1 -> facts.add(new DrawFacts.Employment(id, BIDDER, Expert.Employment.Role.EMPLOYEE,
                            DAY.minusYears(4), DAY.minusDays(random.nextInt(400))));
                    case 2 -> facts.add(new DrawFacts.Absence(id, DAY.minusDays(1), DAY.plusDays(random.nextInt(2))));
                    default -> { }
                }
            }
            Set<String> out = new HashSet<>();
            RuleSets.current().evaluate(facts).all(DrawFacts.Exclusion.class).forEach(x -> out.add(x.expertId()));
            int eligible = pool.size() - out.size();
            if (eligible < 2) {
                continue;
            }
            var groups = CommitteeDraw.groups(java.util.Map.of("v", pool), java.util.Map.of("v", "ZZ"),
                    java.util.Map.of("v", Math.min(5, eligible)), out);
            String snapshot = VerifiableDraw.text(new VerifiableDraw.Snapshot("e", 1, "COMMITTEE", DAY.toString(), "s",
                    groups));
            for (int i = 0; i < 20; i++) {
                List<String> drawn = VerifiableDraw.run(VerifiableDraw.newSeed(seeds), snapshot).get("v");
                assertThat(drawn).isSubsetOf(pool).noneMatch(out::contains);
            }
        }
    }
}
