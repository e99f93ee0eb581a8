package io.huitong.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.huitong.rules.RuleMessages.TemplateText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The platform's own notices of a rule-set version: every folder's {@code notices.yaml}, the words of what Java
 * says by itself (a refusal, a step's guide) that no rule writes. Each notice has its article ({@code citation}) and
 * its text in Chinese and English with named placeholders, written as in {@code messages.yaml}. A file that does not
 * parse, or a notice without its article or a language, is refused when the rule set compiles; a notice Java asks
 * for and no file holds, a placeholder Java does not pass, or a notice nobody asks for, when it is activated
 * ({@link #check}).
 */
public final class RuleNotices {

    /** The file of notices of a folder. */
    public static final String FILE_NAME = "notices.yaml";
    static final RuleNotices NONE = new RuleNotices(Map.of());

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory()).build();
    private static final Set<String> KEYS = Set.of("citation", "zh", "en");

    /** One notice as written: its file and line, article and texts. */
    private record Entry(String file, int line, String citation, TemplateText zh, TemplateText en) {
    }

    /** "folder/notices.yaml" → key → notice. */
    private final Map<String, Map<String, Entry>> notices;

    private RuleNotices(Map<String, Map<String, Entry>> notices) {
        this.notices = notices;
    }

    static boolean isNotices(String path) {
        return path.equals(FILE_NAME) || path.endsWith("/" + FILE_NAME);
    }

    /** How many notices there are. */
    public int size() {
        return notices.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * The notice, its placeholders filled in, names and values alternating:
     * {@code render(WINDOW_CLOSED, "bidder", name)}.
     *
     * @throws IllegalArgumentException if the values passed are not the ones the key names
     * @throws IllegalStateException if this version has no such notice (activation refuses such a version)
     */
    public Notice render(NoticeKey key, Object... namesAndValues) {
        Message values = Message.of(Message.ONLY, namesAndValues);
        if (!new LinkedHashSet<>(key.passes()).equals(values.values().keySet())) {
            throw new IllegalArgumentException("notice " + key + " takes " + key.passes() + ", given "
                    + values.values().keySet());
        }
        Entry entry = notices.getOrDefault(key.file(), Map.of()).get(key.name());
        if (entry == null) {
            throw new IllegalStateException("no notice \"" + key.name() + "\" in " + key.file() + " of this rule set");
        }
        return new Notice(key.name(), entry.citation(), entry.zh().render(values.values(), "、"),
                entry.en().render(values.values(), ", "));
    }

    /**
     * What is wrong with these notices for the keys Java asks for: a notice missing (its file and key), a placeholder
     * Java does not pass or a value it passes that the notice does not use (file, line, key), a notice no key names.
     */
    public List<RuleProblem> check(Collection<NoticeKey> asked) {
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (NoticeKey key : asked) {
            named.add(key.file() + "\u0000" + key.name());
            Entry entry = notices.getOrDefault(key.file(), Map.of()).get(key.name());
            if (entry == null) {
                problems.add(new RuleProblem(key.file(), 0, 0, "no notice \"" + key.name() + "\": the platform asks "
                        + "for it" + (key.passes().isEmpty() ? "" : ", passing " + String.join(", ", key.passes()))
                        + " (write it with citation:, zh: and en:)"));
                continue;
            }
            Set<String> used = new LinkedHashSet<>(entry.zh().placeholders());
            used.addAll(entry.en().placeholders());
            for (String placeholder : used) {
                if (!key.passes().contains(placeholder)) {
                    problems.add(new RuleProblem(key.file(), entry.line(), 0, "the notice \"" + key.name()
                            + "\" uses {" + placeholder + "}, which the platform does not pass ("
                            + (key.passes().isEmpty() ? "it passes none" : "it passes: "
                                    + String.join(", ", key.passes())) + ")"));
                }
            }
            for (String passed : key.passes()) {
                if (!used.contains(passed)) {
                    problems.add(new RuleProblem(key.file(), entry.line(), 0, "the notice \"" + key.name()
                            + "\" does not use {" + passed + "}, which the platform passes"));
                }
            }
        }
        notices.forEach((file, entries) -> entries.forEach((name, entry) -> {
            if (!named.contains(file + "\u0000" + name)) {
                problems.add(new RuleProblem(file, entry.line(), 0, "the platform asks for no notice \"" + name
                        + "\" of " + file));
            }
        }));
        return problems;
    }

    /** Reads every notices file, adding a problem (file, line) for each that does not parse or lacks a part. */
    static RuleNotices compile(List<RuleSource> files, List<RuleProblem> problems) {
        Map<String, Map<String, Entry>> notices = new LinkedHashMap<>();
        for (RuleSource file : files) {
            notices.put(file.path(), parse(file, problems));
        }
        return new RuleNotices(notices);
    }

    private static Map<String, Entry> parse(RuleSource file, List<RuleProblem> problems) {
        Map<String, Object> tree;
        try {
            tree = YAML.readValue(file.content(),
                    YAML.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new RuleProblem(file.path(), at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), e.getOriginalMessage()));
            return Map.of();
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (tree == null) {
            return entries;
        }
        String[] lines = file.content().split("\n", -1);
        int[] from = {0};
        tree.forEach((key, value) -> {
            int line = RuleMessages.lineOf(lines, key, from[0]);
            from[0] = Math.max(from[0], line);
            Entry entry = entry(file, key, value, line, problems);
            if (entry != null) {
                entries.put(key, entry);
            }
        });
        return entries;
    }

    private static Entry entry(RuleSource file, String key, Object value, int line, List<RuleProblem> problems) {
        String which = "the notice \"" + key + "\"";
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(new RuleProblem(file.path(), line, 0, which + " needs citation:, zh: and en:"));
            return null;
        }
        for (Object part : map.keySet()) {
            if (!KEYS.contains(String.valueOf(part))) {
                problems.add(new RuleProblem(file.path(), line, 0, which + ": unknown key '" + part
                        + "' (a notice has citation:, zh: and en:)"));
                return null;
            }
        }
        Object citation = map.get("citation");
        if (citation == null || String.valueOf(citation).isBlank()) {
            problems.add(new RuleProblem(file.path(), line, 0, which + " needs its article (citation:)"));
            return null;
        }
        List<TemplateText> texts = TemplateText.bilingual(file, line, which, map, problems);
        return texts == null ? null
                : new Entry(file.path(), line, String.valueOf(citation).strip(), texts.get(0), texts.get(1));
    }
}
