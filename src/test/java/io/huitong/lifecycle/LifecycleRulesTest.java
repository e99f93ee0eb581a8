package io.huitong.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.rules.FiredRule;
import io.huitong.rules.RuleSet;
import io.huitong.shared.time.PeriodUnit;
import io.huitong.support.RuleSets;
import io.huitong.tender.Category;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of {@code rules/lifecycle/}: each period by name and law, the award rule, the clarification rule. */
class LifecycleRulesTest {

    private static final Set<String> FIRED = new HashSet<>();

    static RuleSet.Evaluation evaluate(Object... facts) {
        RuleSet.Evaluation e = RuleSets.current().evaluate(List.of(facts));
        e.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
        return e;
    }

    static LifecycleFacts facts(Regime law, boolean stateFunded) {
        return new LifecycleFacts(law, law, Category.WORKS, ProcurementMethod.OPEN, true, stateFunded);
    }

    @AfterAll
    static void everyLifecycleRuleIsExercised() {
        assertThat(io.huitong.support.RuleCoverage.unfired(FIRED, "io.huitong.rules.lifecycle"))
                .as("lifecycle rules that no test made fire").isEmpty();
    }

    @ParameterizedTest(name = "{0} under {1}: {2} {3}, {4}")
    @CsvSource(delimiter = '|', value = {
        "objectionAnswer          | TENDERING_LAW          | 3  | CALENDAR_DAYS | TBR 22",
        "objectionAnswer          | GOVERNMENT_PROCUREMENT | 7  | WORKING_DAYS  | GPL 53; O94 13",
        "announcement             | GOVERNMENT_PROCUREMENT | 5  | WORKING_DAYS  | O87 16",
        "challengeWindow          | GOVERNMENT_PROCUREMENT | 7  | WORKING_DAYS  | GPL 52; GPR 53(一); O94 10",
        "publicity                | TENDERING_LAW          | 3  | CALENDAR_DAYS | TBR 54",
        "publicityObjectionAnswer | TENDERING_LAW          | 3  | CALENDAR_DAYS | TBR 54",
        "winnerDetermination      | GOVERNMENT_PROCUREMENT | 5  | WORKING_DAYS  | O87 68",
        "awardAnnouncement        | GOVERNMENT_PROCUREMENT | 1  | WORKING_DAYS  | GPR 43; O87 69",
        "resultChallengeWindow    | GOVERNMENT_PROCUREMENT | 7  | WORKING_DAYS  | GPL 52; GPR 53(三); O94 10",
        "withdrawalRefund         | TENDERING_LAW          | 5  | CALENDAR_DAYS | TBR 35",
        "withdrawalRefund         | GOVERNMENT_PROCUREMENT | 5  | WORKING_DAYS  | O87 38",
        "contract                 | TENDERING_LAW          | 30 | CALENDAR_DAYS | TBL 46",
        "contract                 | GOVERNMENT_PROCUREMENT | 30 | CALENDAR_DAYS | GPL 46; O87 71",
        "supervisorReport         | TENDERING_LAW          | 15 | CALENDAR_DAYS | TBL 47",
        "contractPublication      | GOVERNMENT_PROCUREMENT | 2  | WORKING_DAYS  | GPR 50",
        "contractFiling           | GOVERNMENT_PROCUREMENT | 7  | WORKING_DAYS  | GPL 47",
        "losersBondRefund         | GOVERNMENT_PROCUREMENT | 5  | WORKING_DAYS  | O87 38; GPR 33",
        "bondRefund               | TENDERING_LAW          | 5  | CALENDAR_DAYS | TBR 57",
        "bondRefund               | GOVERNMENT_PROCUREMENT | 5  | WORKING_DAYS  | O87 38; GPR 33",
        "terminationRefund        | TENDERING_LAW          | 5  | CALENDAR_DAYS | TBR 31",
        "terminationRefund        | GOVERNMENT_PROCUREMENT | 5  | WORKING_DAYS  | O87 29",
        "failedRoundRefund        | TENDERING_LAW          | 5  | CALENDAR_DAYS | TBR 35; O87 38",
        "failedRoundRefund        | GOVERNMENT_PROCUREMENT | 5  | WORKING_DAYS  | TBR 35; O87 38"})
    void each_period_has_its_length_unit_and_article(String name, Regime law, int length, PeriodUnit unit,
            String citation) {
        List<LegalPeriod> periods = evaluate(facts(law, false), new PeriodQuery(name)).all(LegalPeriod.class);
        assertThat(periods).singleElement().satisfies(p -> {
            assertThat(p.length()).isEqualTo(length);
            assertThat(p.unit()).isEqualTo(unit);
            assertThat(p.by().citation()).isEqualTo(citation);
        });
    }

    @Test
    void challenge_windows_are_counted_from_the_end_of_their_announcement() {
        assertThat(evaluate(facts(Regime.GOVERNMENT_PROCUREMENT, false), new PeriodQuery("resultChallengeWindow"))
                .all(LegalPeriod.class)).singleElement().extracting(LegalPeriod::countedFromEndOf)
                .as("GPR 53(三)").isEqualTo("awardAnnouncement");
        assertThat(evaluate(facts(Regime.GOVERNMENT_PROCUREMENT, false), new PeriodQuery("challengeWindow"))
                .all(LegalPeriod.class)).singleElement().extracting(LegalPeriod::countedFromEndOf)
                .as("GPR 53(一)").isEqualTo("announcement");
        assertThat(evaluate(facts(Regime.GOVERNMENT_PROCUREMENT, false), new PeriodQuery("contract"))
                .all(LegalPeriod.class)).singleElement().extracting(LegalPeriod::countedFromEndOf)
                .as("the contract runs from the award notice itself").isNull();
    }

    @Test
    void periods_of_the_other_law_are_not_given() {
        assertThat(evaluate(facts(Regime.TENDERING_LAW, false), new PeriodQuery("winnerDetermination"))
                .all(LegalPeriod.class)).isEmpty();
        assertThat(evaluate(facts(Regime.GOVERNMENT_PROCUREMENT, false), new PeriodQuery("publicity"))
                .all(LegalPeriod.class)).isEmpty();
    }

    @Test
    void rank_one_wins_state_funded_must_tender_projects_only() {
        assertThat(evaluate(facts(Regime.TENDERING_LAW, true)).any(WinnerByRank.class)).isTrue();
        assertThat(evaluate(facts(Regime.TENDERING_LAW, false)).any(WinnerByRank.class)).isFalse();
        assertThat(evaluate(facts(Regime.GOVERNMENT_PROCUREMENT, true)).any(WinnerByRank.class)).isFalse();
    }

    @Test
    void a_clarification_that_affects_preparation_needs_15_days() {
        assertThat(evaluate(new ClarificationFacts(Regime.TENDERING_LAW, true)).all(DeadlineMove.class))
                .singleElement().satisfies(m -> assertThat(m.by().citation()).isEqualTo("TBL 23; TBR 21"));
        assertThat(evaluate(new ClarificationFacts(Regime.GOVERNMENT_PROCUREMENT, true)).all(DeadlineMove.class))
                .singleElement().satisfies(m -> assertThat(m.length()).isEqualTo(15));
        assertThat(evaluate(new ClarificationFacts(Regime.TENDERING_LAW, false)).all(DeadlineMove.class)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}: at least {2} ({3})")
    @CsvSource(delimiter = '|', value = {
        "TENDERING_LAW          | OPEN                    | 3 | TBL 28; TBR 44",
        "TENDERING_LAW          | INVITATION              | 3 | TBL 28; TBR 44",
        "GOVERNMENT_PROCUREMENT | OPEN                    | 3 | O87 41, 43; GPL 36",
        "GOVERNMENT_PROCUREMENT | INVITATION              | 3 | O87 41, 43; GPL 36",
        "GOVERNMENT_PROCUREMENT | COMPETITIVE_NEGOTIATION | 3 | GPL 38, 40",
        "GOVERNMENT_PROCUREMENT | PRICE_INQUIRY           | 3 | GPL 38, 40",
        "GOVERNMENT_PROCUREMENT | SINGLE_SOURCE           | 1 | GPL 31, 39"})
    void each_method_needs_its_number_of_bids(Regime law, ProcurementMethod method, int count, String citation) {
        LifecycleFacts facts = new LifecycleFacts(law, law, Category.GOODS, method, false, false);
        assertThat(evaluate(facts).all(MinimumBids.class)).singleElement().satisfies(m -> {
            assertThat(m.count()).isEqualTo(count);
            assertThat(m.by().citation()).isEqualTo(citation);
        });
    }

    @Test
    void the_Tendering_Law_changes_the_method_from_the_second_failure_on() {
        assertThat(citations(new AfterFailureFacts(Regime.TENDERING_LAW, 1, true, false)))
                .containsExactly("TBL 28; TBR 44; O30 38");
        assertThat(citations(new AfterFailureFacts(Regime.TENDERING_LAW, 2, true, false))).isEmpty();
        assertThat(citations(new AfterFailureFacts(Regime.TENDERING_LAW, 1, false, false)))
                .as("tendering again is always open").isEmpty();
        assertThat(citations(new AfterFailureFacts(Regime.GOVERNMENT_PROCUREMENT, 1, true, false)))
                .as("procurement may change at once (O87 43(二))").isEmpty();
    }

    @Test
    void defective_procurement_documents_are_fixed_and_tendered_again() {
        assertThat(citations(new AfterFailureFacts(Regime.GOVERNMENT_PROCUREMENT, 1, true, true)))
                .containsExactly("O87 43(一)");
        assertThat(citations(new AfterFailureFacts(Regime.GOVERNMENT_PROCUREMENT, 1, false, true))).isEmpty();
    }

    static List<String> citations(Object facts) {
        return evaluate(facts).all(io.huitong.rules.Refusal.class).stream().map(r -> r.by().citation()).toList();
    }

    @Test
    void must_tender_works_in_Henan_from_30_000_000_are_evaluated_remotely() {
        assertThat(venue(Regime.TENDERING_LAW, Category.WORKS, true, "410100", "30000000.00")).isTrue();
        assertThat(venue(Regime.TENDERING_LAW, Category.WORKS, true, "411502", "30000000.00")).isTrue();
        assertThat(venue(Regime.TENDERING_LAW, Category.WORKS, true, "410100", "29999999.99")).isFalse();
        assertThat(venue(Regime.TENDERING_LAW, Category.WORKS, false, "410100", "30000000.00")).isFalse();
        assertThat(venue(Regime.TENDERING_LAW, Category.GOODS, true, "410100", "30000000.00")).isFalse();
        assertThat(venue(Regime.TENDERING_LAW, Category.WORKS, true, "420100", "30000000.00")).as("another province")
                .isFalse();
        assertThat(venue(Regime.GOVERNMENT_PROCUREMENT, Category.WORKS, true, "410100", "30000000.00")).isFalse();
    }

    static boolean venue(Regime law, Category category, boolean mustTender, String region, String amount) {
        return evaluate(new LifecycleFacts(law, law, category, ProcurementMethod.OPEN, mustTender, false, region,
                new java.math.BigDecimal(amount))).any(RemoteEvaluationRequired.class);
    }

    static String failureReason(Regime law, ProcurementMethod method, io.huitong.tender.Tender.FailureKind kind,
            Integer valid, Integer bids) {
        List<FailureReason> reasons = evaluate(new LifecycleFacts(law, law, Category.GOODS, method, true, false),
                new FailureFacts(law, kind, valid, bids)).all(FailureReason.class);
        assertThat(reasons).as(kind + ": one reason").hasSize(1);
        return reasons.get(0).text();
    }

    /** Why a round failed, with its article (failure-reasons.drl): one reason per kind. */
    @Test
    void each_failure_has_its_reason_and_article() {
        var kind = io.huitong.tender.Tender.FailureKind.class;
        assertThat(failureReason(Regime.TENDERING_LAW, ProcurementMethod.OPEN,
                io.huitong.tender.Tender.FailureKind.ALL_REJECTED, 2, 3))
                .isEqualTo("评标委员会否决全部投标 (R12 27; TBL 42) / The committee rejected every bid");
        assertThat(failureReason(Regime.GOVERNMENT_PROCUREMENT, ProcurementMethod.OPEN,
                io.huitong.tender.Tender.FailureKind.RESERVATION_UNFILLED, 2, 3)).contains("(SME46 10)");
        assertThat(failureReason(Regime.GOVERNMENT_PROCUREMENT, ProcurementMethod.OPEN,
                io.huitong.tender.Tender.FailureKind.TOO_FEW_QUALIFIED, 2, 3))
                .isEqualTo("合格投标人不足3家，不得评标 (GPL 36; O87 44) / Fewer than 3 qualified bidders");
        assertThat(failureReason(Regime.GOVERNMENT_PROCUREMENT, ProcurementMethod.OPEN,
                io.huitong.tender.Tender.FailureKind.TOO_FEW_VALID, 2, 3))
                .isEqualTo("开标后有效投标不足 (2) (O87 43, 44) / Too few valid bids after opening");
        assertThat(kind.getEnumConstants()).hasSize(5);
    }

    /** Too few bids cites the rule that set the minimum, whichever law and method. */
    @Test
    void too_few_bids_cites_the_minimum_the_rules_set() {
        var tooFew = io.huitong.tender.Tender.FailureKind.TOO_FEW_BIDS;
        assertThat(failureReason(Regime.TENDERING_LAW, ProcurementMethod.OPEN, tooFew, null, 2))
                .isEqualTo("投标人不足，不得开标 (2) (TBL 28; TBR 44) / Too few bids at the deadline: no opening");
        assertThat(failureReason(Regime.GOVERNMENT_PROCUREMENT, ProcurementMethod.OPEN, tooFew, null, 2))
                .contains("(O87 41, 43; GPL 36)");
        assertThat(failureReason(Regime.GOVERNMENT_PROCUREMENT, ProcurementMethod.SINGLE_SOURCE, tooFew, null, 0))
                .contains("(GPL 31, 39)");
    }
}
