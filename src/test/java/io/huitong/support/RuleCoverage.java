package io.huitong.support;

import io.huitong.rules.RuleDefinition;
import java.util.Collection;
import java.util.List;

/**
 * Which rules of a package no test made fire, named with the file and line (or decision table and row) they are
 * written at, for the check each rules test makes after its last test ({@code @AfterAll}). {@code
 * EveryRuleProvenTest} makes sure every package of {@code rules/} has such a check.
 */
public final class RuleCoverage {

    private RuleCoverage() {
    }

    /** The rules of the package (as declared: io.huitong.rules.lifecycle) not among the fired, as "name (file:line)". */
    public static List<String> unfired(Collection<String> fired, String pkg) {
        return RuleSets.current().rules().stream().filter(r -> r.pkg().equals(pkg))
                .filter(r -> !fired.contains(r.name())).map(RuleCoverage::where).toList();
    }

    static String where(RuleDefinition rule) {
        return "'" + rule.name() + "' (" + rule.file() + (rule.file().endsWith(".csv") ? " row " : ":")
                + rule.line() + ")";
    }
}
