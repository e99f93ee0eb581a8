package io.huitong.bench.decision;

import io.huitong.rules.FiredRule;
import io.huitong.rules.RuleSet;
import io.huitong.tender.registration.Conclusions.MustTender;
import io.huitong.tender.registration.Conclusions.OpenTenderRequired;
import io.huitong.tender.registration.RegistrationFacts;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The must-tender rules of {@code rules/registration/must-tender.drl} as a DMN decision table
 * ({@code bench/decision/must-tender.dmn}), and what both answer, side by side: whether the procurement must be
 * tendered, whether openly, and which rules (with which citations) said so.
 */
final class MustTenderDmn {

    static final String RESOURCE = "bench/decision/must-tender.dmn";
    static final String DECISION_KEY = "mustTender";
    /** The rule file the table copies; its rules are the ones compared. */
    static final String DRL = "registration/must-tender.drl";
    static final String THRESHOLD_PARAMETER = "gp.open-tender.min";

    private MustTenderDmn() {
    }

    /** The decision, parsed by a DMN engine of its own (no process engine, no history). */
    static DmnDecision parse(DmnEngine engine) {
        try (InputStream in = MustTenderDmn.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return engine.parseDecision(DECISION_KEY, in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table's variables: the facts the rules see (after normalisation) and the rule set's threshold. */
    static VariableMap variables(RegistrationFacts facts, RuleSet ruleSet) {
        return variables(facts, ruleSet.policy().parameters().amount(THRESHOLD_PARAMETER));
    }

    static VariableMap variables(RegistrationFacts facts, BigDecimal gpOpenTenderMin) {
        return Variables.createVariables()
                .putValue("regime", facts.regime().name())
                .putValue("category", facts.category().name())
                .putValue("serviceKind", facts.serviceKind() == null ? null : facts.serviceKind().name())
                .putValue("estimatedAmount", facts.estimatedAmount())
                .putValue("budgetFunds", facts.budgetFunds())
                .putValue("totalInvestment", facts.totalInvestment())
                .putValue("stateControlled", facts.stateControlled())
                .putValue("foreignLoanOrAid", facts.foreignLoanOrAid())
                .putValue("gpOpenTenderMin", gpOpenTenderMin);
    }

    /** What a must-tender decision answers, whichever engine took it. */
    record Outcome(boolean mustTender, boolean openTenderRequired, Set<String> rules, Set<String> citations) {

        /** The rows of a COLLECT table that matched (DmnDecisionResult.getResultList()). */
        static Outcome ofDmn(List<Map<String, Object>> rows) {
            Set<String> rules = new TreeSet<>();
            Set<String> citations = new TreeSet<>();
            boolean must = false;
            boolean open = false;
            for (Map<String, Object> row : rows) {
                rules.add((String) row.get("rule"));
                citations.add((String) row.get("citation"));
                must |= Boolean.TRUE.equals(row.get("mustTender"));
                open |= Boolean.TRUE.equals(row.get("openTenderRequired"));
            }
            return new Outcome(must, open, rules, citations);
        }

        /**
         * A Huitong evaluation: the rules of the must-tender file that fired and what they concluded (other files
         * conclude OpenTenderRequired too, TBR 8: those are not the table's).
         */
        static Outcome ofDrools(RuleSet.Evaluation evaluation) {
            Set<String> rules = new TreeSet<>();
            Set<String> citations = new TreeSet<>();
            for (FiredRule fired : evaluation.firedRules()) {
                if (DRL.equals(fired.file())) {
                    rules.add(fired.rule());
                    citations.add(fired.citation());
                }
            }
            return new Outcome(
                    evaluation.all(MustTender.class).stream().anyMatch(c -> rules.contains(c.by().rule())),
                    evaluation.all(OpenTenderRequired.class).stream().anyMatch(c -> rules.contains(c.by().rule())),
                    rules, citations);
        }
    }
}
