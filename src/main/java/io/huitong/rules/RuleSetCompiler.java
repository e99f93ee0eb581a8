package io.huitong.rules;

import io.huitong.rules.RuleSet.RuleLocation;
import io.huitong.rules.policy.PolicyData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * The one place that touches the KIE build API: compiles DRL files (classic mvel compilation, exact error
 * lines) and decision tables (CSV, turned into DRL by {@link DecisionTable}, problems reported at their row),
 * parses the policy files and checks what the compiler cannot: every rule carries a citation and a tag, every
 * parameter a rule names exists, and every message a rule writes is in its folder's messages.yaml with the
 * placeholders the rule passes ({@link RuleMessages}); the platform's notices are read ({@link RuleNotices}).
 */
public final class RuleSetCompiler {

    private static final String KFS_ROOT = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");
    private static final Pattern PARAMETER = Pattern.compile("amount\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern ANALYSE = Pattern.compile("Unable to Analyse Expression (.+?):\\s*$",
            Pattern.MULTILINE);
    /** The parser's own position, "Line 6:21", is 0-based in its column. */
    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");
    private static final AtomicLong BUILDS = new AtomicLong();
    /**
     * One knowledge base of every package. Property reactivity is off: a decision inserts facts into a fresh session
     * and never modifies one, so there is nothing for it to save, and its analysis only warns at every start.
     */
    private static final String KMODULE = """
            <kmodule xmlns="http://www.drools.org/xsd/kmodule">
              <configuration>
                <property key="drools.propertySpecific" value="ALLOWED"/>
              </configuration>
              <kbase name="huitong" default="true" packages="*"/>
            </kmodule>""";

    private final KieServices kie = KieServices.Factory.get();
    private final ClassLoader classLoader = RuleSetCompiler.class.getClassLoader();
    private final Clock clock;

    public RuleSetCompiler(Clock clock) {
        this.clock = clock;
    }

    /** Compiles a rule set, or refuses it with every problem found (file, line, column). */
    public RuleSet compile(RuleSetSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleSource> drls = new ArrayList<>(sources.files().stream().filter(RuleSource::isDrl).toList());
        // a table's DRL keeps the table's path; its lines are reported as the table's rows
        Map<String, IntUnaryOperator> rows = new HashMap<>();
        for (RuleSource table : sources.files().stream().filter(RuleSource::isTable).toList()) {
            DecisionTable.Compiled compiled = DecisionTable.compile(table, problems);
            if (compiled != null) {
                drls.add(compiled.drl());
                rows.put(table.path(), compiled::row);
            }
        }
        if (drls.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleProblem("(rule set)", 0, 0, "no *.drl file in " + sources.origin()));
        }
        PolicyData policy = PolicyData.parse(sources.files().stream().filter(RuleSource::isPolicy).toList(),
                problems);
        Map<RuleSet.RuleKey, RuleLocation> locations = new HashMap<>();
        for (RuleSource drl : drls) {
            scan(drl, rows.getOrDefault(drl.path(), IntUnaryOperator.identity()), policy, locations, problems);
        }
        RuleMessages messages = RuleMessages.compile(
                sources.files().stream().filter(RuleSource::isMessages).toList(), drls, problems);
        RuleNotices notices = RuleNotices.compile(
                sources.files().stream().filter(RuleSource::isNotices).toList(), problems);
        KieBase kieBase = drls.isEmpty() ? null : build(sources.version(), drls, rows, problems);
        if (kieBase != null) {
            checkMetadata(kieBase, locations, problems);
        }
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException(sources.origin(), problems);
        }
        return new RuleSet(sources.version(), sources.contentHash(), sources.origin(), clock.instant(), kieBase,
                policy, locations, messages, notices);
    }

    private KieBase build(String version, List<RuleSource> drls, Map<String, IntUnaryOperator> rows,
            List<RuleProblem> problems) {
        KieFileSystem files = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("io.huitong.rules", "rule-set",
                version + "-" + BUILDS.incrementAndGet());
        files.generateAndWritePomXML(releaseId);
        files.writeKModuleXML(KMODULE);
        // the builder wants a file's folder to match its declared package: each file is written where its package
        // puts it, and its problems are reported under the path the rule author knows
        Map<String, String> authorPaths = new HashMap<>();
        for (RuleSource drl : drls) {
            String inPackage = packageFolder(drl) + "/" + drl.path().replace('/', '_') + (drl.isDrl() ? "" : ".drl");
            authorPaths.put(inPackage, drl.path());
            authorPaths.put(KFS_ROOT + inPackage, drl.path());
            files.write(KFS_ROOT + inPackage, drl.content());
        }
        MissingNamesCache loader = new MissingNamesCache(classLoader);
        try {
            return build(files, releaseId, loader, drls, authorPaths, rows, problems);
        } finally {
            loader.stopCaching();
        }
    }

    /** The folder of the file's declared package ({@code io/huitong/rules/bidding}), or none without one. */
    private static String packageFolder(RuleSource drl) {
        for (String line : drl.content().split("\n", -1)) {
            Matcher m = PACKAGE.matcher(line);
            if (m.find()) {
                return m.group(1).replace('.', '/');
            }
        }
        return "default";
    }

    private KieBase build(KieFileSystem files, ReleaseId releaseId, ClassLoader loader, List<RuleSource> drls,
            Map<String, String> authorPaths, Map<String, IntUnaryOperator> rows, List<RuleProblem> problems) {
        KieBuilder builder = kie.newKieBuilder(files, loader).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<RuleProblem> found = new ArrayList<>();
            for (Message error : errors) {
                String path = error.getPath() == null ? "?"
                        : authorPaths.getOrDefault(error.getPath(), error.getPath().replace(KFS_ROOT, ""));
                String text = error.getText().strip();
                int line = error.getLine();
                int column = Math.max(error.getColumn(), 0);
                Matcher at = PARSER_POSITION.matcher(text);
                if (at.find()) {
                    line = line > 0 ? line : Integer.parseInt(at.group(1));
                    column = column > 0 ? column : Integer.parseInt(at.group(2)) + 1;
                }
                if (line <= 0) {
                    line = drls.stream().filter(d -> d.path().equals(path)).findFirst()
                            .map(d -> lineOfExpression(d, text)).orElse(0);
                }
                String message = text;
                if (rows.containsKey(path)) {
                    // the generated DRL's line and column mean nothing to the author: the row of the table
                    line = rows.get(path).applyAsInt(line);
                    column = 0;
                    message = "decision table row " + line + ": " + text;
                }
                found.add(new RuleProblem(path, line, column, message));
            }
            // "Parser returned a null Package" only repeats that the file above did not parse
            found.stream()
                    .filter(p -> !(p.line() == 0 && p.message().contains("null Package")
                            && found.stream().anyMatch(o -> o.file().equals(p.file()) && o.line() > 0)))
                    .forEach(problems::add);
            return null;
        }
        KieContainer container = kie.newKieContainer(releaseId, loader);
        KieBase kieBase = container.getKieBase();
        kie.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    /**
     * Some constraint errors come without a line ("Unable to Analyse Expression x.y(z)"): find the line that
     * holds the expression, or failing that its first identifier.
     */
    static int lineOfExpression(RuleSource drl, String message) {
        Matcher m = ANALYSE.matcher(message);
        if (!m.find()) {
            return 0;
        }
        String expression = m.group(1).strip();
        String[] lines = drl.content().split("\n", -1);
        for (String needle : new String[] {expression, expression.split("[^\\w$]", 2)[0]}) {
            for (int i = 0; !needle.isBlank() && i < lines.length; i++) {
                if (lines[i].contains(needle) && !lines[i].strip().startsWith("//")) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    /** Notes where each rule is declared and checks the parameters it names. */
    private static void scan(RuleSource drl, IntUnaryOperator rowOf, PolicyData policy,
            Map<RuleSet.RuleKey, RuleLocation> locations, List<RuleProblem> problems) {
        boolean table = drl.isTable();
        String pkg = "";
        String[] lines = drl.content().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher p = PACKAGE.matcher(lines[i]);
            if (p.find()) {
                pkg = p.group(1);
            }
            Matcher r = RULE.matcher(lines[i]);
            if (r.find()) {
                String name = r.group(1) != null ? r.group(1) : r.group(2) != null ? r.group(2) : r.group(3);
                locations.put(new RuleSet.RuleKey(pkg, name), new RuleLocation(drl.path(), rowOf.applyAsInt(i + 1)));
            }
            Matcher k = PARAMETER.matcher(lines[i]);
            while (k.find()) {
                if (!policy.parameters().has(k.group(1))) {
                    problems.add(new RuleProblem(drl.path(), rowOf.applyAsInt(i + 1), table ? 0 : k.start(1) + 1,
                            "parameter '" + k.group(1) + "' is not defined in any policy file"));
                }
            }
        }
    }

    private static void checkMetadata(KieBase kieBase, Map<RuleSet.RuleKey, RuleLocation> locations,
            List<RuleProblem> problems) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                RuleLocation at = locations.getOrDefault(new RuleSet.RuleKey(kiePackage.getName(), rule.getName()),
                        RuleSet.UNKNOWN);
                String citation = RuleMetadata.text(rule.getMetaData().get(RuleMetadata.CITATION));
                String tag = RuleMetadata.text(rule.getMetaData().get(RuleMetadata.TAG));
                if (citation == null || citation.isBlank()) {
                    problems.add(new RuleProblem(at.file(), at.line(), 0,
                            "rule '" + rule.getName() + "' has no @citation(\"...\"): every rule names its article"));
                }
                if (!RuleMetadata.validTag(tag)) {
                    problems.add(new RuleProblem(at.file(), at.line(), 0, "rule '" + rule.getName()
                            + "' needs @tag with one or more of " + RuleMetadata.TAGS + ", found: " + tag));
                }
                checkWindow(rule, at, problems);
            }
        }
    }

    /** {@code @effectiveFrom}/{@code @effectiveTo}: dates yyyy-MM-dd, the end not before the start. */
    private static void checkWindow(Rule rule, RuleLocation at, List<RuleProblem> problems) {
        try {
            RuleMetadata.RuleWindow window = RuleMetadata.window(rule.getMetaData());
            if (window != null && window.from() != null && window.to() != null && window.to().isBefore(window.from())) {
                problems.add(new RuleProblem(at.file(), at.line(), 0, "rule '" + rule.getName() + "' ends ("
                        + window.to() + ") before it takes effect (" + window.from() + ")"));
            }
        } catch (java.time.DateTimeException e) {
            problems.add(new RuleProblem(at.file(), at.line(), 0, "rule '" + rule.getName() + "': @"
                    + RuleMetadata.EFFECTIVE_FROM + " and @" + RuleMetadata.EFFECTIVE_TO
                    + " take a date written \"yyyy-MM-dd\" (a day in China, inclusive): " + e.getMessage()));
        }
    }
}
