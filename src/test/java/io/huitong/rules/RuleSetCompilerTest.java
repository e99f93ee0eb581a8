package io.huitong.rules;

import io.huitong.support.RuleSets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.huitong.shared.time.LegalClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule set that does not compile is refused with its file, line and column; one that does gets a hash. */
class RuleSetCompilerTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler(new LegalClock());

    /** The project's own rule files, with one file replaced or added. */
    static RuleSetSources projectRulesWith(String path, String content) {
        Map<String, String> changed = new HashMap<>();
        changed.put(path, content);
        return RuleSets.projectRulesWith(changed);
    }

    private List<RuleProblem> problems(RuleSetSources sources) {
        var refused = catchThrowableOfType(RuleSetRejectedException.class, () -> compiler.compile(sources));
        assertThat(refused).as("the rule set should have been refused").isNotNull();
        return refused.problems();
    }

    private RuleProblem onlyProblem(RuleSetSources sources) {
        List<RuleProblem> problems = problems(sources);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void the_project_rules_compile_without_a_single_warning() {
        ch.qos.logback.classic.Logger drools = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("org.drools");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        drools.addAppender(logged);
        try {
            compiler.compile(RuleSetSources.fromFolder(Path.of("rules")));
        } finally {
            drools.detachAppender(logged);
        }
        assertThat(logged.list).as("warnings at start-up trip alerts and hide real ones")
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).isEmpty();
    }

    @Test
    void the_same_files_make_the_same_version() throws IOException {
        RuleSetSources a = projectRulesWith("none.drl", null);
        RuleSetSources b = RuleSetSources.fromFolder(Path.of("rules"));
        assertThat(a.contentHash()).isEqualTo(b.contentHash());
        assertThat(a.version()).hasSize(16).isEqualTo(compiler.compile(b).version());
    }

    @Test
    void the_copy_packaged_in_the_jar_is_the_same_version_as_the_folder() {
        assertThat(RuleSetSources.fromClasspath().contentHash())
                .isEqualTo(RuleSetSources.fromFolder(Path.of("rules")).contentHash());
    }

    @Test
    void a_changed_file_makes_another_version() throws IOException {
        String path = "policy/approval-route.yaml";
        String changed = Files.readString(Path.of("rules", path)).replace("4000000", "5000000");
        assertThat(projectRulesWith(path, changed).version())
                .isNotEqualTo(RuleSetSources.fromFolder(Path.of("rules")).version());
    }

    @Test
    void a_syntax_error_is_refused_with_file_line_and_column() throws IOException {
        String broken = """
                package io.huitong.rules.test;

                rule "broken"
                    @citation("TBR 26") @tag("S")
                when
                    String( length > )
                then
                end
                """;
        RuleProblem problem = onlyProblem(projectRulesWith("test/broken.drl", broken));
        assertThat(problem.file()).isEqualTo("test/broken.drl");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.column()).isEqualTo(22);
    }

    @Test
    void an_unknown_type_is_refused_with_its_line() throws IOException {
        String broken = """
                package io.huitong.rules.test;

                rule "unknown fact"
                    @citation("TBR 26") @tag("S")
                when
                    NoSuchFact( amount > 1 )
                then
                end
                """;
        RuleProblem problem = onlyProblem(projectRulesWith("test/unknown.drl", broken));
        assertThat(problem.file()).isEqualTo("test/unknown.drl");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.message()).contains("NoSuchFact");
    }

    @Test
    void a_constraint_the_compiler_places_nowhere_is_found_by_its_expression() throws IOException {
        String broken = """
                package io.huitong.rules.test;
                import io.huitong.tender.registration.RegistrationFacts;

                rule "bad property"
                    @citation("TBR 26") @tag("S")
                when
                    RegistrationFacts( noSuchProperty > 1 )
                then
                end
                """;
        RuleProblem problem = onlyProblem(projectRulesWith("test/property.drl", broken));
        assertThat(problem.file()).isEqualTo("test/property.drl");
        assertThat(problem.line()).isEqualTo(7);
    }

    @Test
    void a_rule_without_a_citation_is_refused() throws IOException {
        String uncited = """
                package io.huitong.rules.test;

                rule "uncited"
                    @tag("S")
                when
                    String()
                then
                end
                """;
        RuleProblem problem = onlyProblem(projectRulesWith("test/uncited.drl", uncited));
        assertThat(problem.file()).isEqualTo("test/uncited.drl");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("@citation");
    }

    @Test
    void a_rule_with_an_unknown_tag_is_refused() throws IOException {
        String badTag = """
                package io.huitong.rules.test;

                rule "bad tag"
                    @citation("TBR 26") @tag("X")
                when
                    String()
                then
                end
                """;
        assertThat(onlyProblem(projectRulesWith("test/tag.drl", badTag)).message()).contains("@tag");
    }

    @Test
    void a_rule_naming_a_missing_parameter_is_refused_at_that_line() throws IOException {
        String missing = """
                package io.huitong.rules.test;
                import io.huitong.rules.policy.Parameters;

                rule "missing parameter"
                    @citation("TBR 26") @tag("M")
                when
                    Parameters( $x : amount("no.such.parameter") )
                then
                end
                """;
        RuleProblem problem = onlyProblem(projectRulesWith("test/parameter.drl", missing));
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.message()).contains("no.such.parameter");
    }

    /** A decision table of the project with one row changed: {@code change} gets the row's cells. */
    static RuleSetSources projectRulesWithRow(String table, String ruleName,
            java.util.function.UnaryOperator<String> change) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("rules", table)));
        int row = rowOf(table, ruleName);
        lines.set(row - 1, change.apply(lines.get(row - 1)));
        return projectRulesWith(table, String.join("\n", lines) + "\n");
    }

    /** The row (1-based, as a spreadsheet numbers it) of the rule of that name in a decision table. */
    static int rowOf(String table, String ruleName) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("rules", table));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(ruleName + ",") || lines.get(i).startsWith("\"" + ruleName + "\",")) {
                return i + 1;
            }
        }
        throw new AssertionError("no row '" + ruleName + "' in " + table);
    }

    @Test
    void a_decision_table_is_part_of_the_version_and_each_row_is_a_rule_at_its_row() throws IOException {
        RuleSet ruleSet = compiler.compile(RuleSetSources.fromFolder(Path.of("rules")));
        String name = "TBL-46 the contract within 30 days of the award notice";
        assertThat(ruleSet.rules()).filteredOn(r -> r.name().equals(name)).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("lifecycle/periods.csv");
            assertThat(r.line()).isEqualTo(rowOf("lifecycle/periods.csv", name));
            assertThat(r.citation()).isEqualTo("TBL 46");
            assertThat(r.tag()).isEqualTo("S");
        });
        RuleSetSources changed = projectRulesWithRow("lifecycle/periods.csv", name,
                row -> row.replace(",30,CALENDAR_DAYS", ",31,CALENDAR_DAYS"));
        assertThat(changed.version()).as("one cell changed makes another version")
                .isNotEqualTo(RuleSetSources.fromFolder(Path.of("rules")).version());
        assertThat(compiler.compile(changed).version()).isEqualTo(changed.version());
    }

    @Test
    void a_table_row_that_does_not_compile_is_refused_with_its_file_and_row() throws IOException {
        String name = "GPR-50 the contract is published within 2 working days";
        RuleProblem problem = onlyProblem(projectRulesWithRow("lifecycle/periods.csv", name,
                row -> row.replace(",WORKING_DAYS", ",WORKING_WEEKS")));
        assertThat(problem.file()).isEqualTo("lifecycle/periods.csv");
        assertThat(problem.line()).isEqualTo(rowOf("lifecycle/periods.csv", name));
        assertThat(problem.message()).contains("WORKING_WEEKS");
    }

    @Test
    void a_table_row_without_a_citation_is_refused_at_its_row() throws IOException {
        String name = "TBR-16 tender documents on sale for at least 5 days";
        RuleProblem problem = onlyProblem(projectRulesWithRow("registration/periods.csv", name,
                row -> row.replace(",TBR 16,S,", ",,S,")));
        assertThat(problem.file()).isEqualTo("registration/periods.csv");
        assertThat(problem.line()).isEqualTo(rowOf("registration/periods.csv", name));
        assertThat(problem.message()).contains("@citation");
    }

    @Test
    void a_condition_that_holds_or_not_takes_yes_or_nothing_and_a_no_is_refused_at_its_cell() throws IOException {
        String name = "TBR-16 tender documents on sale for at least 5 days";
        RuleProblem problem = onlyProblem(projectRulesWithRow("registration/periods.csv", name,
                row -> row.replace(",TENDERING_LAW,,,,yes,", ",TENDERING_LAW,,no,,yes,")));
        assertThat(problem.file()).isEqualTo("registration/periods.csv");
        assertThat(problem.line()).isEqualTo(rowOf("registration/periods.csv", name));
        assertThat(problem.column()).as("the 'must tender' column").isEqualTo(6);
        assertThat(problem.message()).contains("must tender").contains("'no'");
    }

    @Test
    void a_table_whose_header_is_broken_is_refused_with_its_file_and_row() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("rules", "lifecycle/periods.csv")));
        int kinds = lines.indexOf(lines.stream().filter(l -> l.startsWith("NAME,")).findFirst().orElseThrow());
        lines.set(kinds, lines.get(kinds).replace("NAME,METADATA,METADATA,CONDITION,", "NAME,METADATA,METADATA,,"));
        List<RuleProblem> problems = problems(projectRulesWith("lifecycle/periods.csv", String.join("\n", lines)));
        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("lifecycle/periods.csv");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void invalid_policy_yaml_is_refused_with_its_line() throws IOException {
        String broken = """
                parameters:
                  some.key:
                    value: [not, a, number]
                """;
        RuleProblem problem = onlyProblem(projectRulesWith("policy/extra.yaml", broken));
        assertThat(problem.file()).isEqualTo("policy/extra.yaml");
        assertThat(problem.line()).isEqualTo(3);
    }

    @Test
    void an_unknown_section_in_a_policy_file_is_refused() throws IOException {
        RuleProblem problem = onlyProblem(projectRulesWith("policy/extra.yaml", "thresholds:\n  a: 1\n"));
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("thresholds");
    }

    @Test
    void a_route_policy_without_a_base_level_is_refused() throws IOException {
        String route = """
                approvalRoute:
                  order: [registration-clerk, centre-director]
                  signOffLevels:
                    - { group: centre-director, minAmount: 4000000, citation: x, tag: I }
                """;
        assertThat(onlyProblem(projectRulesWith("policy/approval-route.yaml", route)).message())
                .contains("minAmount 0");
    }

    @Test
    void a_parameter_defined_twice_is_refused() throws IOException {
        String twice = """
                parameters:
                  gp.open-tender.min: { value: 3000000, tag: M, citation: local }
                """;
        assertThat(onlyProblem(projectRulesWith("policy/local.yaml", twice)).message()).contains("twice");
    }

    @Test
    void holidays_outside_their_year_are_refused() throws IOException {
        String holidays = """
                holidays:
                  year: 2027
                  source: test
                  daysOff:
                    - { from: 2026-01-01, to: 2026-01-01, name: wrong year }
                  workdays: []
                """;
        assertThat(onlyProblem(projectRulesWith("calendar/holidays-2027.yaml", holidays)).message())
                .contains("outside 2027");
    }

    @Test
    void a_holiday_block_that_ends_before_it_starts_is_refused_not_crashed() throws IOException {
        String holidays = """
                holidays:
                  year: 2028
                  source: test
                  daysOff:
                    - { from: 2028-01-03, to: 2028-01-01, name: backwards }
                    - { from: 2028-02-01, name: no end }
                  workdays: []
                """;
        List<RuleProblem> problems = problems(projectRulesWith("calendar/holidays-2028.yaml", holidays));
        assertThat(problems).hasSize(2).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("calendar/holidays-2028.yaml");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void a_jurisdiction_policy_with_an_unknown_regime_is_refused() throws IOException {
        String policy = """
                jurisdictionPolicies:
                  - id: test
                    name: test
                    regionPrefix: "4101"
                    regime: PROCUREMENT
                    waiveDocumentFee: true
                    waiveBidBond: false
                    effectiveFrom: 2026-01-01
                    enabled: true
                    citation: test
                    tag: L
                """;
        RuleProblem problem = onlyProblem(projectRulesWith("policy/zhengzhou.yaml", policy));
        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.message()).contains("PROCUREMENT");
    }
}
