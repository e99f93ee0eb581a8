package io.huitong.lifecycle;

/** Which legal period the lifecycle asks the rules for. */
public record PeriodQuery(String name) {
}
