package io.huitong.remote;

import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.util.List;

/** What the use cases make of the answers a step was given: a text or nothing, and a refusal naming the field. */
final class Inputs {

    private Inputs() {
    }

    static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static ValidationException invalid(String field, Object value, String zh, String en) {
        return new ValidationException(List.of(Violation.of(field, "validation." + field, null, null, value, zh, en)));
    }
}
