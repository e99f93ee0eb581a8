package io.huitong.support;

import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetCompiler;
import io.huitong.rules.RuleSetSources;
import io.huitong.shared.time.LegalClock;
import java.nio.file.Path;

/** The project's own rules folder, compiled once per test run. */
public final class RuleSets {

    private static RuleSet current;

    private RuleSets() {
    }

    public static synchronized RuleSet current() {
        if (current == null) {
            current = new RuleSetCompiler(new LegalClock()).compile(RuleSetSources.fromFolder(Path.of("rules")));
        }
        return current;
    }
}
