package io.huitong.tender.registration;

import io.huitong.rules.FiredRule;
import io.huitong.shared.web.Violation;
import java.util.List;

/** A registration evaluated against one rule-set version: the decisions, the refusals, the rules that fired. */
public record RegistrationEvaluation(String ruleSetVersion, RegistrationDecision decisions,
        List<Violation> violations, List<FiredRule> firedRules) {

    public boolean accepted() {
        return violations.isEmpty();
    }
}
