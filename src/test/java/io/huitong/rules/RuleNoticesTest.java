package io.huitong.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.huitong.shared.time.LegalClock;
import io.huitong.support.RuleSets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The platform's own notices (issue 16): what Java says by itself — a refusal, a step's guide — is worded and cited in
 * a folder's {@code notices.yaml}, and Java names only the key. A file that does not parse is refused when the rule
 * set compiles, with its file and line; a notice Java asks for that the files lack, a placeholder Java does not pass,
 * or a notice nobody asks for, when the rule set is put in force ({@link RuleNotices#check}), with file and key.
 */
class RuleNoticesTest {

    private static final Path JAVA = Path.of("src", "main", "java");
    private static final Pattern KEY = Pattern.compile("NoticeKey\\.of\\(\\s*\"([^\"]+)\"\\s*,\\s*\"([^\"]+)\"");
    private static final Pattern CONSTANT = Pattern.compile(
            "public static final NoticeKey (\\w+)\\s*=");

    private static final String NOTICES = """
            # a test folder's notices
            sealed-until-opening:
              citation: "EB20 27"
              zh: "开标前投标文件密封，任何人不得查看"
              en: "Bids are sealed until the opening"

            score-range:
              citation: "O87 55; O87 64"
              zh: "{bidder}的分值须在0至{max}之间"
              en: "The score of {bidder} lies between 0 and {max}"
            """;

    private static final NoticeKey SEALED = NoticeKey.of("test", "sealed-until-opening");
    private static final NoticeKey RANGE = NoticeKey.of("test", "score-range", "bidder", "max");

    private static RuleNotices notices(String path, String content, List<RuleProblem> problems) {
        return RuleNotices.compile(List.of(new RuleSource(path, content)), problems);
    }

    private static List<RuleProblem> compileProblems(String path, String content) {
        var refused = catchThrowableOfType(RuleSetRejectedException.class, () -> new RuleSetCompiler(new LegalClock())
                .compile(RuleSets.projectRulesWith(Map.of(path, content))));
        assertThat(refused).as("the rule set should have been refused").isNotNull();
        return refused.problems();
    }

    @Test
    void a_notice_is_rendered_with_its_article_in_both_languages() {
        List<RuleProblem> problems = new ArrayList<>();
        RuleNotices notices = notices("test/notices.yaml", NOTICES, problems);
        assertThat(problems).isEmpty();
        assertThat(notices.check(List.of(SEALED, RANGE))).isEmpty();

        Notice sealed = notices.render(SEALED);
        assertThat(sealed.cited()).isEqualTo("开标前投标文件密封，任何人不得查看 / Bids are sealed until the opening (EB20 27)");
        Notice range = notices.render(RANGE, "bidder", "投标人1", "max", new java.math.BigDecimal("70.0"));
        assertThat(range.violation("scores.b1", "validation.score-range", 70, 80)).satisfies(v -> {
            assertThat(v.citation()).isEqualTo("O87 55; O87 64");
            assertThat(v.message()).isEqualTo("投标人1的分值须在0至70.0之间 / The score of 投标人1 lies between 0 and 70.0");
        });
        assertThatThrownBy(() -> notices.render(RANGE, "bidder", "投标人1"))
                .as("Java passes the values its key names").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("score-range");
    }

    @Test
    void a_notice_the_platform_asks_for_and_the_file_lacks_is_refused_with_file_and_key() {
        RuleNotices notices = notices("test/notices.yaml", NOTICES, new ArrayList<>());
        List<RuleProblem> problems = notices.check(List.of(SEALED, RANGE, NoticeKey.of("test", "bids-withdrawn")));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("test/notices.yaml");
            assertThat(p.message()).contains("\"bids-withdrawn\"");
        });
        assertThat(notices.check(List.of(SEALED))).as("a notice nobody asks for").singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("test/notices.yaml");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("\"score-range\"");
        });
        assertThatThrownBy(() -> notices.render(NoticeKey.of("test", "bids-withdrawn")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("test/notices.yaml")
                .hasMessageContaining("bids-withdrawn");
    }

    @Test
    void a_placeholder_the_platform_does_not_pass_is_refused_with_file_line_and_key() {
        RuleNotices notices = notices("test/notices.yaml", NOTICES, new ArrayList<>());
        List<RuleProblem> problems = notices.check(List.of(SEALED, NoticeKey.of("test", "score-range", "max")));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("test/notices.yaml");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("\"score-range\"").contains("{bidder}");
        });
    }

    @Test
    void a_notices_file_that_does_not_parse_is_refused_with_its_file_and_line() {
        List<RuleProblem> problems = compileProblems("bidding/notices.yaml", """
                decryption-before-deadline:
                  citation: "EB20 27"
                  zh: "投标截止前任何人不得解密投标文件
                  en: "Nobody decrypts a bid before the deadline"
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bidding/notices.yaml");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void a_notice_without_its_article_or_a_language_is_refused_with_its_file_line_and_key() {
        List<RuleProblem> problems = new ArrayList<>();
        notices("test/notices.yaml", """
                no-article:
                  zh: "投标截止前任何人不得解密投标文件"
                  en: "Nobody decrypts a bid before the deadline"

                chinese-only:
                  citation: "EB20 27"
                  zh: "开标前投标文件密封"

                a-brace:
                  citation: "EB20 27"
                  zh: "开标前{投标文件密封"
                  en: "Sealed"
                """, problems);
        assertThat(problems).extracting(RuleProblem::file).containsOnly("test/notices.yaml");
        assertThat(problems).extracting(RuleProblem::line).containsExactly(1, 5, 9);
        assertThat(problems).extracting(RuleProblem::message).satisfiesExactly(
                m -> assertThat(m).contains("\"no-article\"").contains("citation"),
                m -> assertThat(m).contains("\"chinese-only\"").contains("en: missing"),
                m -> assertThat(m).contains("\"a-brace\"").contains("brace"));
    }

    /**
     * The notices the platform's modules ask for (every {@link NoticeCatalogue}) are all in the project's rules, with
     * the placeholders passed, and every notice there is asked for; every key written in src/main/java is a constant of
     * a catalogue, and every constant is used.
     */
    @Test
    void every_notice_key_of_the_platform_is_in_the_rules_and_every_notice_of_the_rules_is_asked_for()
            throws Exception {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(JAVA.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        List<NoticeKey> asked = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            boolean catalogue = source.getValue().contains("implements NoticeCatalogue");
            if (catalogue) {
                String className = source.getKey().replace(".java", "").replace('/', '.');
                Class<?> type = Class.forName(className);
                assertThat(type.isAnnotationPresent(org.springframework.stereotype.Component.class))
                        .as(className + " is a bean, so the registry sees it").isTrue();
                asked.addAll(NoticeCatalogue.keysOf(type));
                Matcher constant = CONSTANT.matcher(source.getValue());
                while (constant.find()) {
                    String use = type.getSimpleName() + "." + constant.group(1);
                    if (sources.values().stream().noneMatch(s -> s.contains(use))) {
                        unused.add(use);
                    }
                }
            }
            // in code: a key in a comment (an example in Javadoc) asks for nothing
            Matcher key = KEY.matcher(source.getValue().replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", ""));
            while (key.find()) {
                if (!catalogue) {
                    outside.add(source.getKey() + ": " + key.group());
                }
            }
        }
        assertThat(asked).as("the catalogues' keys").hasSizeGreaterThan(40);
        assertThat(outside).as("a notice key is a constant of its module's NoticeCatalogue, so the registry checks it")
                .isEmpty();
        assertThat(unused).as("notice keys no Java code uses: remove them and their notices").isEmpty();
        assertThat(RuleSets.current().notices().check(asked)).as("the project's rules/*/notices.yaml").isEmpty();
    }
}
