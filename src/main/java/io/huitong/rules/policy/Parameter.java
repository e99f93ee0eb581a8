package io.huitong.rules.policy;

import java.math.BigDecimal;

/** A figure a rule reads by key, with where it comes from (a [M] or [S2] figure must be configurable). */
public record Parameter(BigDecimal value, String unit, String tag, String citation, String note) {
}
