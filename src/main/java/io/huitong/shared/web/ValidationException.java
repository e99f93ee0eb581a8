package io.huitong.shared.web;

import java.util.List;

/** A well-formed request that validation refuses: 422 with every violation. Nothing was changed. */
public class ValidationException extends RuntimeException {

    private final List<Violation> violations;
    private final String decisionId;

    public ValidationException(List<Violation> violations) {
        this(violations, null);
    }

    /** A refusal whose decision record was kept under {@code decisionId}. */
    public ValidationException(List<Violation> violations, String decisionId) {
        super(Violation.describe(violations));
        this.violations = List.copyOf(violations);
        this.decisionId = decisionId;
    }

    public List<Violation> violations() {
        return violations;
    }

    public String decisionId() {
        return decisionId;
    }
}
