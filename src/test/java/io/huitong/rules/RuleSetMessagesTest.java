package io.huitong.rules;

import io.huitong.support.RuleSets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.huitong.shared.time.LegalClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rule messages are templates in a folder's messages.yaml, by rule name: a rule passes the values by name, the
 * fact it inserts carries the words rendered in Chinese and English, and a message that does not match its rule
 * (missing, a placeholder the rule does not pass, a value it does not use, one language only, no rule to write it)
 * is refused when the rule set is compiled or reloaded, naming the file, the line and the rule.
 */
class RuleSetMessagesTest {

    private static final String DRL = """
            package io.huitong.rules.test;

            import io.huitong.rules.Refusal;
            import java.time.LocalDate;
            import java.util.List;

            import function io.huitong.rules.RuleLanguage.message;
            import function io.huitong.rules.RuleLanguage.messageNamed;
            import function io.huitong.rules.RuleLanguage.yuan;

            rule "T-1 a debarred party"
                @citation("TBL 53") @tag("S")
            when
                $name : String( length > 1 )
            then
                insert( Refusal.of(kcontext, "party", $name, null,
                    message("party", $name, "until", null, "amount", yuan("2,000,000.50"))) );
            end

            rule "T-2 a party and its members"
                @citation("TBL 31") @tag("S")
            when
                $d : LocalDate()
            then
                insert( Refusal.of(kcontext, "members", $d, null,
                    messageNamed("the members", "members", List.of("甲", "乙"), "day", $d)) );
                insert( Refusal.of(kcontext, "day", $d, null, messageNamed("the day", "day", $d)) );
            end
            """;

    private static final String MESSAGES = """
            # the words of the test rules
            "T-1 a debarred party":
              zh: "{party}被禁止参加投标至{until|另行决定}（{amount} 元）"
              en: "{party} is debarred until {until|further notice} ({amount} yuan)"

            "T-2 a party and its members":
              "the members":
                zh: "联合体成员{members}未确认（{day}）"
                en: "Members {members} did not confirm ({day})"
              "the day":
                zh: "日期{day}"
                en: "On {day}"
            """;

    private final RuleSetCompiler compiler = new RuleSetCompiler(new LegalClock());

    private static RuleSetSources testRules(String drl, String messages) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("test/test.drl", drl);
        if (messages != null) {
            files.put("test/messages.yaml", messages);
        }
        return RuleSets.projectRulesWith(files);
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
    void a_rule_message_is_rendered_from_its_template_in_both_languages() throws IOException {
        RuleSet rules = compiler.compile(testRules(DRL, MESSAGES));

        Refusal debarred = rules.evaluate(List.of("某某公司")).all(Refusal.class).get(0);
        assertThat(debarred.messageZh()).isEqualTo("某某公司被禁止参加投标至另行决定（2000000.50 元）");
        assertThat(debarred.messageEn()).isEqualTo("某某公司 is debarred until further notice (2000000.50 yuan)");
        assertThat(debarred.by().rule()).isEqualTo("T-1 a debarred party");
        assertThat(debarred.by().citation()).isEqualTo("TBL 53");

        List<Refusal> named = rules.evaluate(List.of(LocalDate.of(2026, 12, 1))).all(Refusal.class);
        assertThat(named).extracting(Refusal::messageZh)
                .containsExactlyInAnyOrder("联合体成员甲、乙未确认（2026-12-01）", "日期2026-12-01");
        assertThat(named).extracting(Refusal::messageEn)
                .containsExactlyInAnyOrder("Members 甲, 乙 did not confirm (2026-12-01)", "On 2026-12-01");
    }

    @Test
    void the_messages_are_part_of_the_version() throws IOException {
        RuleSetSources before = testRules(DRL, MESSAGES);
        RuleSetSources after = testRules(DRL, MESSAGES.replace("did not confirm", "have not confirmed"));
        assertThat(after.version()).isNotEqualTo(before.version());
        assertThat(compiler.compile(after).evaluate(List.of(LocalDate.of(2026, 12, 1))).all(Refusal.class))
                .extracting(Refusal::messageEn).contains("Members 甲, 乙 have not confirmed (2026-12-01)");
    }

    @Test
    void two_versions_evaluated_at_once_each_speak_their_own_words() throws Exception {
        RuleSet before = compiler.compile(testRules(DRL, MESSAGES));
        RuleSet after = compiler.compile(testRules(DRL, MESSAGES.replace("did not confirm", "have not confirmed")));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                RuleSet rules = i % 2 == 0 ? before : after;
                String expected = i % 2 == 0 ? "did not confirm" : "have not confirmed";
                runs.add(pool.submit(() -> rules.evaluate(List.of(LocalDate.of(2026, 12, 1))).all(Refusal.class)
                        .stream().anyMatch(r -> r.messageEn().contains(expected))));
            }
            for (var run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_project_messages_are_all_written_by_their_rules() {
        RuleSet rules = compiler.compile(RuleSetSources.fromFolder(Path.of("rules")));
        assertThat(rules.messages().size()).isGreaterThan(80);
    }

    @Test
    void a_rule_without_its_message_is_refused_at_the_rule_naming_the_messages_file() throws IOException {
        String withoutT1 = MESSAGES.substring(MESSAGES.indexOf("\"T-2"));
        RuleProblem problem = onlyProblem(testRules(DRL, withoutT1));
        assertThat(problem.file()).isEqualTo("test/test.drl");
        assertThat(problem.line()).isEqualTo(17);
        assertThat(problem.message()).contains("T-1 a debarred party").contains("test/messages.yaml");
    }

    @Test
    void a_folder_without_a_messages_file_is_refused_at_each_message() throws IOException {
        assertThat(problems(testRules(DRL, null))).hasSize(3)
                .allSatisfy(p -> assertThat(p.message()).contains("test/messages.yaml has no message"));
    }

    @Test
    void a_placeholder_the_rule_does_not_pass_is_refused_in_the_messages_file() throws IOException {
        RuleProblem problem = onlyProblem(testRules(DRL, MESSAGES.replace("{party}被禁止", "{bidder}被禁止")));
        assertThat(problem.file()).isEqualTo("test/messages.yaml");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("T-1 a debarred party").contains("{bidder}")
                .contains("party, until, amount");
    }

    @Test
    void a_value_the_message_does_not_use_is_refused_at_the_rule() throws IOException {
        String extra = DRL.replace("message(\"party\", $name,", "message(\"party\", $name, \"reason\", $name,");
        RuleProblem problem = onlyProblem(testRules(extra, MESSAGES));
        assertThat(problem.file()).isEqualTo("test/test.drl");
        assertThat(problem.line()).isEqualTo(17);
        assertThat(problem.message()).contains("T-1 a debarred party").contains("'reason'");
    }

    @Test
    void a_message_in_one_language_only_is_refused() throws IOException {
        String zhOnly = MESSAGES.replace("  en: \"{party} is debarred until {until|further notice} ({amount} yuan)\"\n",
                "");
        RuleProblem problem = onlyProblem(testRules(DRL, zhOnly));
        assertThat(problem.file()).isEqualTo("test/messages.yaml");
        assertThat(problem.message()).contains("T-1 a debarred party").contains("en:");
    }

    @Test
    void a_message_no_rule_writes_is_refused() throws IOException {
        String stale = MESSAGES + """

                "T-3 a rule that was renamed":
                  zh: "旧"
                  en: "old"
                """;
        RuleProblem problem = onlyProblem(testRules(DRL, stale));
        assertThat(problem.file()).isEqualTo("test/messages.yaml");
        assertThat(problem.line()).isEqualTo(14);
        assertThat(problem.message()).contains("T-3 a rule that was renamed");
    }

    @Test
    void a_named_message_the_rule_does_not_have_is_refused() throws IOException {
        List<RuleProblem> problems = problems(testRules(
                DRL.replace("messageNamed(\"the day\"", "messageNamed(\"the date\""), MESSAGES));
        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "test/test.drl:27:51: rule 'T-2 a party and its members' writes message 'the date', but"
                        + " test/messages.yaml has no message 'the date' under \"T-2 a party and its members\"",
                "test/messages.yaml:10:0: no rule \"T-2 a party and its members\" in test/*.drl writes this message"
                        + " ('the day')");
    }

    @Test
    void a_placeholder_name_that_is_not_written_in_quotes_is_refused() throws IOException {
        RuleProblem problem = onlyProblem(testRules(
                DRL.replace("messageNamed(\"the day\", \"day\", $d)", "messageNamed(\"the day\", $d, $d)"), MESSAGES));
        assertThat(problem.line()).isEqualTo(27);
        assertThat(problem.message()).contains("in quotes");
    }

    @Test
    void a_broken_messages_file_is_refused_with_its_line() throws IOException {
        RuleProblem problem = problems(testRules(DRL, MESSAGES.replace("  en: \"On {day}\"", "  en: \"On {day\"")))
                .get(0);
        assertThat(problem.file()).isEqualTo("test/messages.yaml");
        assertThat(problem.message()).contains("brace");
    }
}
