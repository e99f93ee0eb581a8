package io.huitong.rules;

/** A rule as a rule-set version holds it: package, name, citation, tag, and the file and line it is written at. */
public record RuleDefinition(String pkg, String name, String citation, String tag, String file, int line) {
}
