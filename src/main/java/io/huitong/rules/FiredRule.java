package io.huitong.rules;

/** A rule that fired in a decision: its name, legal citation, tag and where it is written. */
public record FiredRule(String rule, String citation, String tag, String file, int line) {
}
