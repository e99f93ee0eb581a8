package io.huitong.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.rules.RuleDefinition;
import io.huitong.rules.RuleSet;
import io.huitong.support.RuleSets;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md lists the rules the rule set has, no more and no fewer, with the citations and tags the files give
 * them: the catalogue is generated from the compiled rules and cannot go stale. After changing a rule, regenerate it:
 * {@code ./mvnw -q -o test -Dtest=RuleCatalogueTest -Dhuitong.docs.write=true}.
 */
class RuleCatalogueTest {

    private static final String REGENERATE =
            "regenerate it: ./mvnw -q -o test -Dtest=RuleCatalogueTest -Dhuitong.docs.write=true";

    @Test
    void the_catalogue_lists_every_rule_of_the_rule_set_and_no_other() throws IOException {
        RuleSet ruleSet = RuleSets.current();
        String expected = RuleCatalogue.render(ruleSet, RuleCatalogue.instrumentIds());
        String document = Files.readString(RuleCatalogue.RULES_DOC);
        String block = RuleCatalogue.block(document);
        if (Boolean.getBoolean("huitong.docs.write")) {
            document = block == null ? document.stripTrailing() + "\n\n" + expected : document.replace(block, expected);
            Files.writeString(RuleCatalogue.RULES_DOC, document);
            block = expected;
        }
        assertThat(block).as("docs/rules.md has the generated catalogue between its markers; " + REGENERATE)
                .isNotNull();

        Set<String> rules = new TreeSet<>(ruleSet.rules().stream().map(RuleDefinition::name)
                .map(RuleCatalogue::cell).toList());
        Set<String> listed = listedRules(block);
        assertThat(minus(rules, listed))
                .as("rules in rules/ that docs/rules.md does not list; " + REGENERATE).isEmpty();
        assertThat(minus(listed, rules))
                .as("rules docs/rules.md lists that rules/ does not have; " + REGENERATE).isEmpty();
        assertThat(block).as("docs/rules.md gives every rule's citation, tag and file as rules/ does; " + REGENERATE)
                .isEqualTo(expected);
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    /** The first cell of every table row whose last cell is a DRL file or a decision table's row. */
    private static Set<String> listedRules(String block) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : block.split("\n")) {
            if (line.startsWith("| ") && (line.endsWith(".drl` |") || line.matches(".*\\.csv` row \\d+ \\|$"))) {
                names.add(line.substring(2, line.indexOf(" | ")));
            }
        }
        return names;
    }
}
