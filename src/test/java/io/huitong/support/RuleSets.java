package io.huitong.support;

import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSource;
import io.huitong.rules.RuleSetCompiler;
import io.huitong.rules.RuleSetSources;
import io.huitong.shared.time.LegalClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The project's own rules folder: compiled once per test run, or read with some files changed. */
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

    /**
     * The project's rule files (as a reload reads them: DRL, decision tables, YAML) with the files given put in,
     * replacing those of the same path; a path given with no content (null) is left out.
     */
    public static RuleSetSources projectRulesWith(Map<String, String> changed) {
        List<RuleSource> files = new ArrayList<>();
        for (RuleSource file : RuleSetSources.fromFolder(Path.of("rules")).files()) {
            if (!changed.containsKey(file.path())) {
                files.add(file);
            }
        }
        changed.forEach((path, content) -> {
            if (content != null) {
                files.add(new RuleSource(path, content));
            }
        });
        return RuleSetSources.of("test", files);
    }
}
