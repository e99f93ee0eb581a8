package io.huitong.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.rules.RuleDefinition;
import io.huitong.rules.RuleSet;
import io.huitong.support.RuleSets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Everything the repository cites is in the repository: the documents a README, a model, a rule file, a source file
 * or an answer names exist, with the anchors named; every catalogue id (C17, J9, X11, §L) is in docs/rules.md;
 * every instrument a rule's or a parameter's citation names is in docs/instruments.md.
 */
class DocsCitationsTest {

    /** Where citations live; generated and third-party files are not ours to check. */
    private static final List<Path> ROOTS = List.of(Path.of("README.md"), Path.of("docs"), Path.of("processes"),
            Path.of("rules"), Path.of("src/main"), Path.of("src/test/java"), Path.of("docker"));
    /** Applied database migrations never change (Flyway checks their content); their comments cite the catalogue's
     * ids under the catalogue's old name, which docs/rules.md explains. */
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    /** Link templates of the catalogue's generator, relative to docs/. */
    private static final Path GENERATOR = Path.of("src/test/java/io/huitong/docs");
    private static final Set<String> TEXT = Set.of(".md", ".java", ".yaml", ".yml", ".drl", ".bpmn", ".form", ".sql",
            ".conf", ".properties");

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    /** A document named by path: "docs/rules.md", "processes/README.md", "docs/domain.md#s3-2". */
    private static final Pattern DOCUMENT = Pattern.compile("(?<![\\w./-])((?:\\.\\.?/)*[\\w./-]*[\\w-]+\\.md)(?![\\w])(#[\\w-]+)?");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern DOMAIN_SECTION = Pattern.compile("docs/domain\\.md §(\\d+)(?:\\.(\\d+))?");
    /** An instrument id as citations write it: TBR, O87, SME46, LOC-R. */
    private static final Pattern INSTRUMENT = Pattern.compile("(?<![\\w§-])[A-Z][A-Z0-9]*(?:-[A-Z]+)?(?![\\w-])");

    @Test
    void every_document_cited_exists_with_the_anchor_cited() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : files()) {
            String text = URL.matcher(Files.readString(file)).replaceAll("");
            Matcher m = DOCUMENT.matcher(text);
            while (m.find()) {
                if (generated(m.group(1))) {
                    continue;
                }
                Path target = resolve(file, m.group(1));
                if (target == null) {
                    missing.add(file + ": " + m.group());
                } else if (m.group(2) != null && !anchors(target).contains(m.group(2).substring(1))) {
                    missing.add(file + ": " + m.group() + " (no such anchor)");
                }
            }
            Matcher section = DOMAIN_SECTION.matcher(text);
            while (section.find()) {
                String anchor = "s" + section.group(1) + (section.group(2) == null ? "" : "-" + section.group(2));
                if (!anchors(Path.of("docs/domain.md")).contains(anchor)) {
                    missing.add(file + ": " + section.group() + " (no such section)");
                }
            }
        }
        assertThat(missing).as("documents and sections cited that the repository does not have").isEmpty();
    }

    @Test
    void every_link_of_the_markdown_resolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : files()) {
            if (!file.toString().endsWith(".md")) {
                continue;
            }
            Matcher m = LINK.matcher(Files.readString(file));
            while (m.find()) {
                String link = m.group(1);
                if (link.matches("^[a-z]+:.*")) {
                    continue;
                }
                String[] parts = link.split("#", 2);
                Path target = parts[0].isEmpty() ? file : file.getParent() == null ? Path.of(parts[0])
                        : file.getParent().resolve(parts[0]).normalize();
                if (!Files.exists(target)) {
                    broken.add(file + ": " + link);
                } else if (parts.length == 2 && target.toString().endsWith(".md")
                        && !anchors(target).contains(parts[1])) {
                    broken.add(file + ": " + link + " (no such anchor)");
                }
            }
        }
        assertThat(broken).as("links in the markdown that lead nowhere").isEmpty();
    }

    @Test
    void every_catalogue_id_cited_is_in_docs_rules_md() throws IOException {
        Set<String> instruments = RuleCatalogue.instrumentIds().keySet();
        Set<String> anchors = anchors(RuleCatalogue.RULES_DOC);
        Set<String> unknown = new TreeSet<>();
        for (Path file : files()) {
            Matcher m = RuleCatalogue.CATALOGUE_ID.matcher(Files.readString(file));
            while (m.find()) {
                String id = m.group();
                // O87, O94, O74, O30, O27 are instruments; H2 is the database, not the catalogue's H2
                if (!instruments.contains(id) && !id.equals("H2")
                        && !anchors.contains(RuleCatalogue.catalogueAnchor(id))) {
                    unknown.add(id + " (" + file + ")");
                }
            }
        }
        assertThat(unknown).as("catalogue ids cited that docs/rules.md does not define").isEmpty();
    }

    @Test
    void every_instrument_a_citation_names_is_in_docs_instruments_md() throws IOException {
        Map<String, String> instruments = RuleCatalogue.instrumentIds();
        RuleSet ruleSet = RuleSets.current();
        List<String> citations = new ArrayList<>(ruleSet.rules().stream().map(RuleDefinition::citation).toList());
        ruleSet.policy().parameters().asMap().values().forEach(p -> citations.add(p.citation()));
        ruleSet.policy().jurisdictionPolicies().forEach(p -> citations.add(p.citation()));
        ruleSet.policy().approvalRoute().signOffLevels().forEach(l -> citations.add(l.citation()));
        Set<String> unknown = new TreeSet<>();
        for (String citation : citations) {
            Matcher m = INSTRUMENT.matcher(citation);
            while (m.find()) {
                String id = m.group();
                if (!instruments.containsKey(id) && !RuleCatalogue.CATALOGUE_ID.matcher(id).matches()) {
                    unknown.add(id + " in \"" + citation + "\"");
                }
            }
        }
        assertThat(unknown).as("instruments cited that docs/instruments.md does not spell out").isEmpty();
        assertThat(instruments).containsKeys("TBL", "TBR", "GPL", "GPR", "O87", "EB20", "MT16", "SME46");
    }

    private static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : ROOTS) {
            if (Files.isRegularFile(root)) {
                files.add(root);
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !p.startsWith(MIGRATIONS) && !p.startsWith(GENERATOR))
                        .filter(p -> TEXT.stream().anyMatch(p.toString()::endsWith))
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** What a run writes, not the repository: the benchmark's report under target/. */
    private static boolean generated(String name) {
        return name.startsWith("target/") || name.equals("report.md");
    }

    /** A document named in a file: relative to the file (markdown links), or to the repository's root. */
    private static Path resolve(Path file, String name) {
        Path parent = file.getParent();
        for (Path candidate : new Path[] {parent == null ? Path.of(name) : parent.resolve(name).normalize(),
            Path.of(name).normalize()}) {
            if (!candidate.startsWith("..") && Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The anchors of a markdown file: explicit {@code <a id>}s and its headings as GitHub names them. */
    private static Set<String> anchors(Path markdown) {
        try {
            Set<String> anchors = new TreeSet<>(RuleCatalogue.anchors(markdown));
            for (String line : Files.readAllLines(markdown)) {
                if (line.startsWith("#")) {
                    anchors.add(line.replaceFirst("^#+\\s*", "").strip().toLowerCase()
                            .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
                }
            }
            return anchors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
