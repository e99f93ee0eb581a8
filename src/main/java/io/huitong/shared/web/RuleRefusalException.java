package io.huitong.shared.web;

import java.util.List;

/**
 * A well-formed request that the rules refuse: 422 naming each rule and its article. The decision record is
 * kept; nothing else was changed.
 */
public class RuleRefusalException extends RuntimeException {

    private final List<Violation> violations;
    private final String decisionId;
    private final String ruleSetVersion;

    public RuleRefusalException(List<Violation> violations, String decisionId, String ruleSetVersion) {
        super(Violation.describe(violations) + " (rule set " + ruleSetVersion + ")");
        this.violations = List.copyOf(violations);
        this.decisionId = decisionId;
        this.ruleSetVersion = ruleSetVersion;
    }

    public List<Violation> violations() {
        return violations;
    }

    public String decisionId() {
        return decisionId;
    }

    public String ruleSetVersion() {
        return ruleSetVersion;
    }
}
