package io.huitong.shared.web;

import java.util.List;

/** A well-formed request that validation refuses: 422 with every violation. Nothing was changed. */
public class ValidationException extends RuntimeException {

    private final List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(violations.size() + " violation(s): " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
