package io.huitong.bench.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.bench.decision.MustTenderDmn.Outcome;
import io.huitong.rules.RuleSet;
import io.huitong.support.RuleSets;
import io.huitong.tender.Category;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import io.huitong.tender.ServiceKind;
import io.huitong.tender.registration.RegistrationFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision benchmark compares Drools with DMN on the same rules; this makes sure they are the same rules.
 * {@code bench/decision/must-tender.dmn}, on Camunda's standalone DMN engine, and
 * {@code rules/registration/must-tender.drl}, in the project's rule set compiled as Huitong compiles it, give
 * the same answer (must tender, open tender, rules fired and their citations) for every combination of
 * boundary inputs: "以上" includes the figure, so 4,000,000.00 is in and 3,999,999.99 is out (CC 1259).
 */
class MustTenderDmnTest {

    private static final List<String> AMOUNTS = List.of("999999.99", "1000000.00", "1999999.99", "2000000.00",
            "3999999.99", "4000000.00", "50000000.00");
    /** Budget funds and total investment: exactly 2,000,000 and 10%, a fen under either, none. */
    private static final List<String[]> FUNDS = List.of(
            new String[] {"2000000.00", "20000000.00"},
            new String[] {"1999999.99", "19999999.90"},
            new String[] {"2000000.00", "20000000.01"},
            new String[] {"0.00", "0.00"},
            new String[] {null, null});

    private static RuleSet ruleSet;
    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void compile() {
        ruleSet = RuleSets.current();
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        decision = MustTenderDmn.parse(dmnEngine);
    }

    static RegistrationFacts facts(Regime regime, Category category, ServiceKind kind, String estimate,
            String[] funds, boolean stateControlled, boolean foreignLoanOrAid) {
        return RegistrationFacts.normalised(regime, category, kind, new BigDecimal(estimate),
                funds[0] == null ? null : new BigDecimal(funds[0]), funds[1] == null ? null : new BigDecimal(funds[1]),
                stateControlled, foreignLoanOrAid, "410100", ProcurementMethod.OPEN, null, null, false, true, true,
                null, null, Set.of(), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 21), LocalDate.of(2026, 11, 27));
    }

    static Outcome drools(RegistrationFacts facts) {
        return Outcome.ofDrools(ruleSet.evaluate(List.of(facts)));
    }

    static Outcome dmn(RegistrationFacts facts) {
        return Outcome.ofDmn(dmnEngine.evaluateDecision(decision, MustTenderDmn.variables(facts, ruleSet))
                .getResultList());
    }

    @Test
    void works_of_exactly_4_000_000_must_be_tendered_and_3_999_999_99_need_not_be_in_both() {
        String[] stateFunds = {"5000000.00", "10000000.00"};
        var in = facts(Regime.TENDERING_LAW, Category.WORKS, null, "4000000.00", stateFunds, true, false);
        var out = facts(Regime.TENDERING_LAW, Category.WORKS, null, "3999999.99", stateFunds, true, false);
        for (Outcome o : List.of(drools(in), dmn(in))) {
            assertThat(o.mustTender()).isTrue();
            assertThat(o.citations()).containsExactlyInAnyOrder("MT16 2(1)", "MT16 2(2)", "MT16 5(1)");
        }
        for (Outcome o : List.of(drools(out), dmn(out))) {
            assertThat(o.mustTender()).isFalse();
            assertThat(o.citations()).containsExactlyInAnyOrder("MT16 2(1)", "MT16 2(2)");
        }
    }

    @Test
    void government_procurement_goods_at_the_open_tender_threshold_in_both() {
        var at = facts(Regime.GOVERNMENT_PROCUREMENT, Category.GOODS, null, "2000000.00", FUNDS.get(4), false, false);
        var under = facts(Regime.GOVERNMENT_PROCUREMENT, Category.GOODS, null, "1999999.99", FUNDS.get(4), false,
                false);
        assertThat(drools(at)).isEqualTo(dmn(at)).extracting(Outcome::openTenderRequired).isEqualTo(true);
        assertThat(drools(under)).isEqualTo(dmn(under)).extracting(Outcome::mustTender).isEqualTo(false);
    }

    @Test
    void dmn_and_drools_agree_on_every_combination_of_boundary_inputs() {
        List<String> differences = new ArrayList<>();
        Set<String> droolsFired = new HashSet<>();
        Set<String> dmnMatched = new HashSet<>();
        int cases = 0;
        for (Regime regime : Regime.values()) {
            for (Category category : Category.values()) {
                List<ServiceKind> kinds = category == Category.SERVICES
                        ? Arrays.asList(ServiceKind.SURVEY_DESIGN_SUPERVISION, ServiceKind.OTHER)
                        : Arrays.asList((ServiceKind) null);
                for (ServiceKind kind : kinds) {
                    for (String amount : AMOUNTS) {
                        for (String[] funds : FUNDS) {
                            for (int flags = 0; flags < 4; flags++) {
                                var facts = facts(regime, category, kind, amount, funds, (flags & 1) != 0,
                                        (flags & 2) != 0);
                                Outcome expected = drools(facts);
                                Outcome actual = dmn(facts);
                                cases++;
                                droolsFired.addAll(expected.rules());
                                dmnMatched.addAll(actual.rules());
                                if (!expected.equals(actual)) {
                                    differences.add(facts + "\n  drools " + expected + "\n  dmn    " + actual);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(differences).as("cases where DMN and Drools differ (of %d)", cases).isEmpty();
        // every rule of the file took part, so no row of the table went untested
        Set<String> drlRules = ruleSet.ruleNames("io.huitong.rules.registration").stream()
                .filter(name -> name.startsWith("MT16-") || name.startsWith("GPL-26")).collect(
                        java.util.stream.Collectors.toSet());
        assertThat(drlRules).hasSize(7);
        assertThat(droolsFired).isEqualTo(drlRules);
        assertThat(dmnMatched).isEqualTo(drlRules);
    }
}
