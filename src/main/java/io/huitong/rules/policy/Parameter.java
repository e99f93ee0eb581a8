package io.huitong.rules.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A figure a rule reads by key, with where it comes from (a [M] or [S2] figure must be configurable). A figure the
 * law changes on a date carries dated {@code values}: each is in force from its {@code effectiveFrom} (inclusive,
 * none for "since always") to its {@code effectiveTo} (inclusive) or, without one, until the next dated value takes
 * effect. The undated {@code value}, if any, is in force on the days no dated value covers.
 */
public record Parameter(BigDecimal value, String unit, String tag, String citation, String note,
        List<DatedValue> values) {

    /** An undated figure. */
    public Parameter(BigDecimal value, String unit, String tag, String citation, String note) {
        this(value, unit, tag, citation, note, null);
    }

    public Parameter {
        values = values == null ? List.of() : values.stream()
                .sorted(java.util.Comparator.comparing(DatedValue::effectiveFrom,
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .toList();
    }

    /** A value in force from a date (inclusive; none: since always) to a date (inclusive; none: until replaced). */
    public record DatedValue(BigDecimal value, LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    public boolean isDated() {
        return !values.isEmpty();
    }

    /** The value in force on a date; null if none is (a rule set with such a gap is refused when loaded). */
    public BigDecimal valueOn(LocalDate date) {
        BigDecimal found = value;
        for (int i = 0; i < values.size(); i++) {
            DatedValue v = values.get(i);
            if (v.effectiveFrom() != null && v.effectiveFrom().isAfter(date)) {
                break;
            }
            LocalDate next = i + 1 < values.size() ? values.get(i + 1).effectiveFrom() : null;
            boolean ended = v.effectiveTo() != null ? v.effectiveTo().isBefore(date)
                    : next != null && !next.isAfter(date);
            if (!ended) {
                found = v.value();
            }
        }
        return found;
    }
}
