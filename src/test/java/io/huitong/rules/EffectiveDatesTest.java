package io.huitong.rules;

import io.huitong.support.RuleSets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.huitong.rules.policy.Parameters;
import io.huitong.shared.time.LegalClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Laws that take effect on a date: a rule with {@code @effectiveFrom}/{@code @effectiveTo} fires only for acts dated
 * inside its window, and a parameter's dated value applies from its date, both compared with the date of the act the
 * rule set is given (not the day the decision is computed). A malformed date is refused with its file and line.
 */
class EffectiveDatesTest {

    private static final LocalDate FROM = LocalDate.of(2027, 3, 2);
    private static final LocalDate TO = LocalDate.of(2027, 3, 31);

    private static final String DRL = """
            package io.huitong.rules.test;

            import io.huitong.rules.policy.Parameters;
            import java.math.BigDecimal;

            rule "E-1 a law in force from 2 March 2027"
                @citation("TBL 1") @tag("I") @effectiveFrom("2027-03-02")
            when
                $s : String( this == "act" )
            then
                insert( Integer.valueOf(1) );
            end

            rule "E-2 a law in force until 31 March 2027"
                @citation("TBL 1") @tag("I") @effectiveTo("2027-03-31")
            when
                $s : String( this == "act" )
            then
                insert( Integer.valueOf(2) );
            end

            rule "E-3 a law of March 2027 only"
                @citation("TBL 1") @tag("I") @effectiveFrom("2027-03-02") @effectiveTo("2027-03-31")
            when
                $s : String( this == "act" )
            then
                insert( Integer.valueOf(3) );
            end

            rule "E-4 a law that always applies"
                @citation("TBL 1") @tag("I")
            when
                $s : String( this == "act" )
                Parameters( $cap : amount("test.dated-cap") )
            then
                insert( $cap );
            end
            """;

    private static final String POLICY = """
            parameters:
              test.dated-cap:
                value: 800000
                values:
                  - value: 1000000
                    effectiveFrom: 2027-03-02
                  - value: 1200000
                    effectiveFrom: 2027-07-01
                    effectiveTo: 2027-12-31
                unit: CNY
                tag: I
                citation: TBL 1
                note: a cap raised on 2 March 2027, raised again for the second half of 2027, then back to 800,000.
            """;

    private final RuleSetCompiler compiler = new RuleSetCompiler(new LegalClock());

    private static RuleSetSources testRules(String drl, String policy) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("test/effective.drl", drl);
        files.put("test/policy.yaml", policy);
        return RuleSets.projectRulesWith(files);
    }

    private RuleSet ruleSet() throws IOException {
        return compiler.compile(testRules(DRL, POLICY));
    }

    private static List<Integer> fired(RuleSet ruleSet, LocalDate asOf) {
        return ruleSet.evaluate(asOf, List.of("act")).all(Integer.class).stream().sorted().toList();
    }

    private List<RuleProblem> problems(RuleSetSources sources) {
        var refused = catchThrowableOfType(RuleSetRejectedException.class, () -> compiler.compile(sources));
        assertThat(refused).as("the rule set should have been refused").isNotNull();
        return refused.problems();
    }

    /** The problems of the policy file (the rule that reads a refused parameter is refused as well). */
    private List<RuleProblem> policyProblems(RuleSetSources sources) {
        List<RuleProblem> problems = problems(sources);
        assertThat(problems).as("the rule reading the refused parameter names it")
                .anySatisfy(p -> assertThat(p.file()).isEqualTo("test/effective.drl"));
        return problems.stream().filter(p -> p.file().equals("test/policy.yaml")).toList();
    }

    @Nested
    class A_rule_with_a_window {

        @Test
        void does_not_apply_to_an_act_of_the_day_before_it_takes_effect() throws IOException {
            assertThat(fired(ruleSet(), FROM.minusDays(1))).containsExactly(2);
        }

        @Test
        void applies_to_an_act_of_the_day_it_takes_effect_and_after() throws IOException {
            RuleSet ruleSet = ruleSet();
            assertThat(fired(ruleSet, FROM)).containsExactly(1, 2, 3);
            assertThat(fired(ruleSet, FROM.plusDays(1))).containsExactly(1, 2, 3);
        }

        @Test
        void applies_on_its_last_day_and_not_the_day_after() throws IOException {
            RuleSet ruleSet = ruleSet();
            assertThat(fired(ruleSet, TO)).containsExactly(1, 2, 3);
            assertThat(fired(ruleSet, TO.plusDays(1))).containsExactly(1);
        }

        @Test
        void is_listed_with_its_window() throws IOException {
            RuleSet ruleSet = ruleSet();
            RuleDefinition march = ruleSet.rules().stream().filter(r -> r.name().startsWith("E-3")).findFirst()
                    .orElseThrow();
            assertThat(ruleSet.window(march)).isEqualTo("from 2027-03-02 to 2027-03-31");
            RuleDefinition always = ruleSet.rules().stream().filter(r -> r.name().startsWith("E-4")).findFirst()
                    .orElseThrow();
            assertThat(ruleSet.window(always)).isNull();
        }

        @Test
        void the_firing_record_names_only_the_rules_in_force() throws IOException {
            var evaluation = ruleSet().evaluate(FROM.minusDays(1), List.of("act"));
            assertThat(evaluation.firedRules()).extracting(FiredRule::rule)
                    .contains("E-2 a law in force until 31 March 2027")
                    .doesNotContain("E-1 a law in force from 2 March 2027", "E-3 a law of March 2027 only");
        }
    }

    @Nested
    class A_dated_parameter {

        private BigDecimal cap(RuleSet ruleSet, LocalDate asOf) {
            return ruleSet.evaluate(asOf, List.of("act")).all(BigDecimal.class).get(0);
        }

        @Test
        void answers_the_value_in_force_on_the_date_of_the_act() throws IOException {
            RuleSet ruleSet = ruleSet();
            assertThat(cap(ruleSet, FROM.minusDays(1))).isEqualByComparingTo("800000");
            assertThat(cap(ruleSet, FROM)).isEqualByComparingTo("1000000");
            assertThat(cap(ruleSet, LocalDate.of(2027, 6, 30))).isEqualByComparingTo("1000000");
            assertThat(cap(ruleSet, LocalDate.of(2027, 7, 1))).isEqualByComparingTo("1200000");
            assertThat(cap(ruleSet, LocalDate.of(2027, 12, 31))).isEqualByComparingTo("1200000");
            // the second value ends on a date and no later one follows: the undated value is in force again
            assertThat(cap(ruleSet, LocalDate.of(2028, 1, 1))).isEqualByComparingTo("800000");
        }

        @Test
        void read_from_java_on_a_date_or_as_of_today() throws IOException {
            Parameters parameters = ruleSet().policy().parameters();
            assertThat(parameters.on(FROM).amount("test.dated-cap")).isEqualByComparingTo("1000000");
            assertThat(parameters.on(FROM.minusDays(1)).amount("test.dated-cap")).isEqualByComparingTo("800000");
            assertThat(parameters.amount("test.dated-cap"))
                    .isEqualByComparingTo(parameters.on(new LegalClock().today()).amount("test.dated-cap"));
        }

        @Test
        void undated_parameters_are_the_same_object_whatever_the_date() {
            Parameters undated = io.huitong.support.RuleSets.current().policy().parameters();
            assertThat(undated.on(FROM)).isSameAs(undated);
        }

        @Test
        void without_an_undated_value_must_leave_no_day_without_one() throws IOException {
            String gap = POLICY.replace("    value: 800000\n", "");
            List<RuleProblem> problems = policyProblems(testRules(DRL, gap));
            assertThat(problems).extracting(RuleProblem::line).containsOnly(2);
            assertThat(problems).extracting(RuleProblem::message).satisfiesExactly(
                    m -> assertThat(m).contains("test.dated-cap", "no value in force before 2027-03-02"),
                    m -> assertThat(m).contains("test.dated-cap", "no value in force after 2027-12-31"));
        }

        @Test
        void with_overlapping_values_is_refused() throws IOException {
            String overlap = POLICY.replace("effectiveFrom: 2027-03-02", "effectiveFrom: 2027-03-02\n"
                    + "        effectiveTo: 2027-07-01");
            assertThat(policyProblems(testRules(DRL, overlap))).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("overlaps the one from 2027-07-01"));
        }

        @Test
        void with_a_malformed_date_is_refused_with_its_line() throws IOException {
            String malformed = POLICY.replace("effectiveFrom: 2027-07-01", "effectiveFrom: 2027-13-01");
            assertThat(policyProblems(testRules(DRL, malformed))).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("test/policy.yaml");
                assertThat(p.line()).isEqualTo(8);
            });
        }
    }

    /** A decision table whose rows carry their own window in a METADATA column (an empty cell: always). */
    private static final String TABLE = """
            RuleSet,io.huitong.rules.test
            Import,'java.lang.String'

            RuleTable Effective rows
            NAME,METADATA,METADATA,METADATA,CONDITION,ACTION,DESCRIPTION
            ,,,,$s : String,,
            ,'citation(''$param'')','tag(''$param'')','effectiveFrom(''$param'')','this == ''$param''',insert(Long.valueOf($param));,
            rule,citation,tag,in force from,act,number,note
            T-1 a row in force from 2 March 2027,TBL 1,I,2027-03-02,table act,1,
            T-2 a row always in force,TBL 1,I,,table act,2,
            """.replace('\'', '"');

    @Nested
    class A_decision_table_row_with_a_window {

        private RuleSet tableRuleSet(String table) throws IOException {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("test/effective.csv", table);
            return compiler.compile(RuleSets.projectRulesWith(files));
        }

        private List<Long> fired(RuleSet ruleSet, LocalDate asOf) {
            return ruleSet.evaluate(asOf, List.of("table act")).all(Long.class).stream().sorted().toList();
        }

        @Test
        void applies_from_its_date_and_a_row_without_one_always() throws IOException {
            RuleSet ruleSet = tableRuleSet(TABLE);
            assertThat(fired(ruleSet, FROM.minusDays(1))).containsExactly(2L);
            assertThat(fired(ruleSet, FROM)).containsExactly(1L, 2L);
        }

        @Test
        void with_a_malformed_date_is_refused_with_the_file_the_row_and_the_rule() throws IOException {
            var refused = catchThrowableOfType(RuleSetRejectedException.class,
                    () -> tableRuleSet(TABLE.replace("2027-03-02", "2 March 2027")));
            assertThat(refused).isNotNull();
            assertThat(refused.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("test/effective.csv");
                assertThat(p.line()).isEqualTo(9);
                assertThat(p.message()).contains("T-1 a row in force from 2 March 2027", "yyyy-MM-dd");
            });
        }
    }

    @Nested
    class A_malformed_window {

        @Test
        void is_refused_with_the_file_the_line_and_the_rule() throws IOException {
            String malformed = DRL.replace("@effectiveFrom(\"2027-03-02\") @effectiveTo", "@effectiveFrom(\"2027-3-2\") @effectiveTo");
            assertThat(problems(testRules(malformed, POLICY))).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("test/effective.drl");
                assertThat(p.line()).isEqualTo(22);
                assertThat(p.message()).contains("E-3 a law of March 2027 only", "yyyy-MM-dd", "2027-3-2");
            });
        }

        @Test
        void that_ends_before_it_starts_is_refused() throws IOException {
            String backwards = DRL.replace("@effectiveFrom(\"2027-03-02\") @effectiveTo(\"2027-03-31\")",
                    "@effectiveFrom(\"2027-03-02\") @effectiveTo(\"2027-03-01\")");
            assertThat(problems(testRules(backwards, POLICY))).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("test/effective.drl");
                assertThat(p.line()).isEqualTo(22);
                assertThat(p.message()).contains("E-3", "2027-03-01", "before it takes effect");
            });
        }
    }
}
