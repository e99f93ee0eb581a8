package io.huitong.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.support.RuleSets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule of {@code rules/} is proven by a test that makes it fire: each package of the rule set, DRL files and
 * decision tables alike, has a rules test whose last check ({@code @AfterAll}, through {@code
 * RuleCoverage.unfired}) fails naming every rule of the package, with its file and line or table and row, that none
 * of its tests made fire. A new package without such a test fails here, naming the package and its files.
 */
class EveryRuleProvenTest {

    private static final Pattern COVERAGE_CHECK = Pattern.compile(
            "RuleCoverage\\.unfired\\(\\s*\\w+\\s*,\\s*\"([\\w.]+)\"\\s*\\)");

    @Test
    void every_package_of_the_rules_has_a_test_that_fails_on_a_rule_never_fired() throws IOException {
        Map<String, String> checkedBy = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(Path.of("src/test/java"))) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("@AfterAll")) {
                    continue;
                }
                Matcher m = COVERAGE_CHECK.matcher(source);
                while (m.find()) {
                    checkedBy.put(m.group(1), file.getFileName().toString());
                }
            }
        }
        Map<String, TreeSet<String>> filesByPackage = RuleSets.current().rules().stream().collect(Collectors
                .groupingBy(RuleDefinition::pkg, TreeMap::new, Collectors.mapping(RuleDefinition::file,
                        Collectors.toCollection(TreeSet::new))));
        List<String> unchecked = new ArrayList<>();
        filesByPackage.forEach((pkg, files) -> {
            if (!checkedBy.containsKey(pkg)) {
                unchecked.add(pkg + " " + files);
            }
        });
        assertThat(unchecked).as("packages of rules/ whose rules no test checks were fired: give the package a rules "
                + "test (as LifecycleRulesTest) that records what fired and checks RuleCoverage.unfired(fired, pkg) "
                + "in its @AfterAll").isEmpty();
        assertThat(checkedBy.keySet()).as("every package of rules/ is checked").containsAll(filesByPackage.keySet());
    }
}
