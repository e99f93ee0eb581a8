package io.huitong.shared.web;

import java.util.List;

/** A request whose parameters cannot be read as what they name: 400 with every violation. Nothing was changed. */
public class BadRequestException extends RuntimeException {

    private final List<Violation> violations;

    public BadRequestException(List<Violation> violations) {
        super(Violation.describe(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
