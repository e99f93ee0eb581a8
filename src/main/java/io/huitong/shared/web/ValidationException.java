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

    /** One field refused by validation, not by a rule: the field, the value given, the limit, and why. */
    public static ValidationException of(String field, Object value, Object limit, String zh, String en) {
        return new ValidationException(List.of(Violation.of(field, "validation." + field, null, limit, value, zh, en)));
    }

    public List<Violation> violations() {
        return violations;
    }

    public String decisionId() {
        return decisionId;
    }
}
