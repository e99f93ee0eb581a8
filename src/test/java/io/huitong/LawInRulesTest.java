package io.huitong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The law lives in {@code rules/} (issue 16, item 2): no legal number, formula or article typed into Java
 * ({@code src/main/java}) or into the models ({@code processes/}). Java and BPMN read decisions: a rule's conclusion
 * with its {@code RuleOutput} (rule and citation), or a parameter of {@code rules/policy/parameters.yaml}.
 * <p>
 * What it looks for, each a known shape of law in code:
 * <ul>
 * <li>an article cited in a Java string literal ({@code "… (TBL 46; GPL 46)"}) — OpenAPI annotations
 * ({@code @Operation}, {@code @Schema}, {@code @Parameter}, …), Javadoc and comments are documentation and may cite;
 * <li>a known legal constant in Java code: a minimum of 3 compared with a count, a day count next to a period unit,
 * a share written as a decimal ({@code new BigDecimal("0.10")}), the year of 365 days, the 100 points a score is
 * multiplied by,
 * the experts' two thirds;
 * <li>in a model, a gateway condition that compares with a number other than 0, or a timer with a written
 * duration ({@code P15D}).
 * </ul>
 * What is still in Java from before the rule is kept, by file and text, in
 * {@code src/test/resources/law-in-rules/known.txt}: the list only shrinks (an entry no longer found fails too, so
 * that it is removed). After moving one, regenerate it:
 * {@code ./mvnw -q -o test -Dtest=LawInRulesTest -Dhuitong.law.write=true}. Never add to it by hand.
 */
class LawInRulesTest {

    private static final Path JAVA = Path.of("src", "main", "java");
    private static final Path PROCESSES = Path.of("processes");
    private static final Path KNOWN = Path.of("src", "test", "resources", "law-in-rules", "known.txt");

    /** An article as citations write it (instrument ids of docs/instruments.md followed by an article). */
    static final Pattern ARTICLE = Pattern.compile("(?<![\\w-])(?:TBL|TBR|GPL|GPR|O87|O94|O74|O30|O27|G1117|R12|"
            + "SME46|CK38|CK19|EB20|MT16|CQ|B32|B33)\\s*(?:\\d|\\(|§)");

    /** Annotations whose strings are API documentation. */
    private static final Pattern DOC_ANNOTATION = Pattern.compile(
            "@(?:Operation|Schema|Parameter|ApiResponse|ApiResponses|Tag|Content|ExampleObject|ArraySchema)\\s*\\(");

    /** Known legal constants in Java code (outside strings and comments), each with what it is. */
    static final Map<String, Pattern> JAVA_CONSTANTS = Map.of(
            "a minimum of 3 compared with a count (TBL 28; O87 44; R12 27: a rule decides it)",
            Pattern.compile("(?i)\\w*(?:count|bids|qualified|size|candidates)\\w*\\(?\\)?\\s*(?:<|<=|>|>=|==)\\s*3\\b"
                    + "|\\bCANDIDATES\\s*=\\s*3\\b"),
            "a day count next to a period unit (a period is a rule's: LegalPeriod, DeadlineMove)",
            Pattern.compile("\\b\\d+\\s*,\\s*(?:[\\w.]*\\.)?PeriodUnit\\.|\\bplusDays\\(\\s*(?:[2-9]|\\d{2,})\\s*\\)"
                    + "|\\bplus\\(\\s*\\d+\\s*,\\s*ChronoUnit\\.DAYS"),
            "a share or rate written as a decimal (a parameter's: rules/policy/parameters.yaml)",
            Pattern.compile("new\\s+BigDecimal\\(\\s*\"0\\.\\d+\"\\s*\\)|BigDecimal\\.valueOf\\(\\s*0\\.\\d+\\s*\\)"),
            "the year of 365 days (refund.late-fee.days-per-year)",
            Pattern.compile("\\b365\\b"),
            "the 100 points of a score, multiplied in (evaluation.score.total-points)",
            Pattern.compile("\\.multiply\\(\\s*(?:HUNDRED|new\\s+BigDecimal\\(\\s*\"?100\"?\\s*\\)"
                    + "|BigDecimal\\.valueOf\\(\\s*100\\s*\\))"),
            "the experts' two thirds (TBL 37; O87 47)",
            Pattern.compile("\\*\\s*3\\s*>=?\\s*\\w+\\s*\\*\\s*2\\b"));

    /** A model's condition comparing with a number other than 0; a timer with a written duration. */
    static final Pattern BPMN_CONDITION = Pattern.compile(
            "<bpmn:(?:conditionExpression|completionCondition)[^>]*>([^<]*)</bpmn:");
    static final Pattern NUMBER_COMPARED = Pattern.compile("(?:&lt;|&gt;|<|>|==|!=)=?\\s*(?:[1-9]\\d*|0\\.\\d+)\\b");
    static final Pattern BPMN_TIMER = Pattern.compile(
            "<bpmn:(?:timeDuration|timeDate|timeCycle)[^>]*>([^<]*)</bpmn:");
    static final Pattern WRITTEN_DURATION = Pattern.compile("\\bP(?:T?\\d|\\d)");

    /** One finding: where, and what (the text that is law). */
    record Finding(String file, int line, String what, String text) {

        String key() {
            return file + "\t" + text;
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + what + ": " + text;
        }
    }

    @Test
    void no_legal_constant_or_article_is_typed_into_java_or_the_models() throws IOException {
        List<Finding> findings = findings(JAVA, PROCESSES);
        List<String> known = Files.exists(KNOWN) ? Files.readAllLines(KNOWN, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList() : List.of();
        if (Boolean.getBoolean("huitong.law.write")) {
            List<String> lines = new ArrayList<>(List.of(
                    "# Law still typed into src/main/java, known when LawInRulesTest was written: file<TAB>text.",
                    "# It only shrinks. Move each into rules/ and regenerate: "
                            + "./mvnw -q -o test -Dtest=LawInRulesTest -Dhuitong.law.write=true"));
            findings.stream().map(Finding::key).sorted().forEach(lines::add);
            Files.createDirectories(KNOWN.getParent());
            Files.write(KNOWN, lines, StandardCharsets.UTF_8);
            return;
        }
        Map<String, Integer> allowed = new TreeMap<>();
        known.forEach(k -> allowed.merge(k, 1, Integer::sum));
        List<String> added = new ArrayList<>();
        for (Finding f : findings) {
            Integer left = allowed.get(f.key());
            if (left == null || left == 0) {
                added.add(f.toString());
            } else {
                allowed.put(f.key(), left - 1);
            }
        }
        List<String> gone = allowed.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        assertThat(added).as("law typed into Java or a model: let a rule or a parameter of rules/ decide it, and read "
                + "the decision (its RuleOutput's citation, the parameter)").isEmpty();
        assertThat(gone).as("entries of " + KNOWN + " no longer found: regenerate it with -Dhuitong.law.write=true")
                .isEmpty();
    }

    /** The guard sees what it is meant to see: each shape, put back, is found with its file and line. */
    @Test
    void the_guard_finds_each_shape_of_law_it_names(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path java = dir.resolve("java");
        Files.createDirectories(java);
        Files.writeString(java.resolve("Put.java"), """
                /** Cites TBL 46 in Javadoc: documentation. */
                class Put {
                    @Operation(description = "the contract within 30 days (TBL 46)")
                    void a(int qualifiedCount) {
                        String reason = "合同逾期 (TBL 46; GPL 46)"; // TBL 46 in a comment
                        boolean enough = qualifiedCount >= 3;
                        var end = calendar.periodEnd(today, 15, PeriodUnit.CALENDAR_DAYS);
                        var rate = new BigDecimal("0.0522");
                        var fee = amount.divide(BigDecimal.valueOf(365));
                        var points = base.divide(price).multiply(HUNDRED);
                        var next = day.plusDays(1);
                    }
                }
                """);
        Path models = dir.resolve("processes");
        Files.createDirectories(models);
        Files.writeString(models.resolve("put.bpmn"), """
                <bpmn:definitions>
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${qualifiedCount &lt; 3}</bpmn:conditionExpression>
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${openFlags &gt; 0}</bpmn:conditionExpression>
                  <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P15D</bpmn:timeDuration>
                </bpmn:definitions>
                """);
        List<String> found = findings(java, models).stream().map(f -> f.file().replaceAll(".*/", "") + ":" + f.line()
                + " " + f.text()).toList();
        assertThat(found).containsExactlyInAnyOrder(
                "Put.java:5 合同逾期 (TBL 46; GPL 46)",
                "Put.java:6 qualifiedCount >= 3",
                "Put.java:7 15, PeriodUnit.",
                "Put.java:8 new BigDecimal(\"0.0522\")",
                "Put.java:9 365",
                "Put.java:10 .multiply(HUNDRED",
                "put.bpmn:2 ${qualifiedCount &lt; 3}",
                "put.bpmn:4 P15D");
    }

    static List<Finding> findings(Path java, Path processes) throws IOException {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(java)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                findings.addAll(inJava(file, Files.readString(file)));
            }
        }
        try (Stream<Path> files = Files.walk(processes)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                findings.addAll(inModel(file, Files.readString(file)));
            }
        }
        return findings;
    }

    /** Literals (outside documentation annotations) and code of a Java source, comments left out. */
    static List<Finding> inJava(Path file, String source) {
        int n = source.length();
        // comments blanked (offsets kept); string literals kept, their spans noted
        char[] code = source.toCharArray();
        List<int[]> literals = new ArrayList<>();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(code, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(code, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                literals.add(new int[] {i + 3, end});
                i = end + 3;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                literals.add(new int[] {i + 1, Math.min(j, n)});
                i = j + 1;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != '\'') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        String codeOnly = new String(code);
        List<int[]> documentation = new ArrayList<>();
        Matcher annotation = DOC_ANNOTATION.matcher(codeOnly);
        while (annotation.find()) {
            if (inside(literals, annotation.start())) {
                continue;
            }
            int depth = 0;
            int j = annotation.end() - 1;
            for (; j < n; j++) {
                char c = codeOnly.charAt(j);
                if (inside(literals, j)) {
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            documentation.add(new int[] {annotation.start(), j});
        }
        List<Finding> findings = new ArrayList<>();
        for (int[] literal : literals) {
            if (documentation.stream().anyMatch(d -> d[0] <= literal[0] && literal[1] <= d[1])) {
                continue;
            }
            String text = source.substring(literal[0], literal[1]);
            if (ARTICLE.matcher(text).find()) {
                findings.add(new Finding(file.toString().replace('\\', '/'), line(source, literal[0]),
                        "an article cited in a string", text.strip().replaceAll("\\s+", " ")));
            }
        }
        for (Map.Entry<String, Pattern> constant : JAVA_CONSTANTS.entrySet()) {
            Matcher m = constant.getValue().matcher(codeOnly);
            while (m.find()) {
                int at = m.start();
                if (inside(literals, at) || documentation.stream().anyMatch(d -> d[0] <= at && at <= d[1])) {
                    continue; // a number in a message or in API documentation
                }
                findings.add(new Finding(file.toString().replace('\\', '/'), line(source, m.start()),
                        constant.getKey(), source.substring(m.start(), m.end()).replaceAll("\\s+", " ")));
            }
        }
        findings.sort(java.util.Comparator.comparingInt(Finding::line));
        return findings;
    }

    static List<Finding> inModel(Path file, String xml) {
        List<Finding> findings = new ArrayList<>();
        Matcher condition = BPMN_CONDITION.matcher(xml);
        while (condition.find()) {
            if (NUMBER_COMPARED.matcher(condition.group(1)).find()) {
                findings.add(new Finding(file.toString().replace('\\', '/'), line(xml, condition.start()),
                        "a number in a gateway's condition (let a rule decide: a variable the step sets from it)",
                        condition.group(1).strip()));
            }
        }
        Matcher timer = BPMN_TIMER.matcher(xml);
        while (timer.find()) {
            if (WRITTEN_DURATION.matcher(timer.group(1)).find()) {
                findings.add(new Finding(file.toString().replace('\\', '/'), line(xml, timer.start()),
                        "a written duration in a timer (a period is a rule's: ${timers.at(tenderId, 'name')})",
                        timer.group(1).strip()));
            }
        }
        return findings;
    }

    private static boolean inside(List<int[]> spans, int offset) {
        return spans.stream().anyMatch(s -> s[0] <= offset && offset < s[1]);
    }

    private static void blank(char[] chars, int from, int to) {
        for (int k = from; k < Math.min(to, chars.length); k++) {
            if (chars[k] != '\n') {
                chars[k] = ' ';
            }
        }
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int k = 0; k < offset; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
