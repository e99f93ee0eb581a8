package io.huitong.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The messages of a rule-set version: every folder's {@code messages.yaml}, by rule name, each message in Chinese
 * and English with named placeholders ({@code {bidder}}, {@code {until|另行决定}} with the words for no value).
 * Checked against the rules when compiled: every message a rule writes exists, in both languages, and every
 * placeholder is one the rule passes and every value it passes is used; a message no rule writes is refused too.
 */
public final class RuleMessages {

    /** The file of messages of the DRL files in its folder. */
    public static final String FILE_NAME = "messages.yaml";
    /** Where a session keeps its version's messages, for the facts a rule inserts to render them. */
    static final String ENVIRONMENT_KEY = "huitong.rules.messages";
    static final RuleMessages NONE = new RuleMessages(Map.of());

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory()).build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}|]*)(?:\\|([^{}]*))?}");
    static final Pattern NAME = Pattern.compile("[A-Za-z][\\w-]*");
    private static final Set<String> LANGUAGES = Set.of("zh", "en");

    /** (package, rule) → part → template. */
    private final Map<RuleSet.RuleKey, Map<String, Template>> messages;

    private RuleMessages(Map<RuleSet.RuleKey, Map<String, Template>> messages) {
        this.messages = messages;
    }

    /** The messages of the version whose session runs the rule. */
    static RuleMessages of(RuleContext rule) {
        Object messages = rule.getKieRuntime().getEnvironment().get(ENVIRONMENT_KEY);
        if (messages == null) {
            throw new IllegalStateException("rule '" + rule.getRule().getName()
                    + "' writes a message, but its session carries no messages (run it through RuleSet.evaluate)");
        }
        return (RuleMessages) messages;
    }

    Message.Text render(String pkg, String rule, String part, Map<String, Object> values) {
        Template template = messages.getOrDefault(new RuleSet.RuleKey(pkg, rule), Map.of()).get(part);
        if (template == null) {
            throw new IllegalStateException("no message " + (part.isEmpty() ? "" : "'" + part + "' ") + "of rule '"
                    + rule + "' in this rule set");
        }
        return new Message.Text(template.zh().render(values, "、"), template.en().render(values, ", "));
    }

    /** How many messages there are (every part counted). */
    public int size() {
        return messages.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Reads the messages files and checks them against the rules of the DRL files of their folders, adding a
     * problem (file, line, rule) for each thing wrong.
     */
    static RuleMessages compile(List<RuleSource> files, List<RuleSource> drls, List<RuleProblem> problems) {
        Map<String, MessagesFile> byFolder = new HashMap<>();
        for (RuleSource file : files) {
            MessagesFile parsed = MessagesFile.parse(file, problems);
            if (parsed != null) {
                byFolder.put(folder(file.path()), parsed);
            }
        }
        Map<RuleSet.RuleKey, Map<String, Template>> messages = new HashMap<>();
        Map<String, Set<String>> written = new HashMap<>();
        for (RuleSource drl : drls) {
            MessagesFile file = byFolder.get(folder(drl.path()));
            for (MessageUses.Use use : MessageUses.uses(drl, problems)) {
                String where = file == null ? folderFile(drl.path()) : file.source().path();
                Map<String, Entry> parts = file == null ? null : file.entries().get(use.rule());
                Entry entry = parts == null ? null : parts.get(use.part());
                if (file != null && file.refused().contains(use.rule() + "\u0000" + use.part())) {
                    continue; // refused already, where it is written
                }
                if (entry == null) {
                    problems.add(new RuleProblem(drl.path(), use.line(), use.column(), "rule '" + use.rule()
                            + "' writes " + use.describe() + ", but " + where + " has no message "
                            + (use.part().isEmpty() ? "" : "'" + use.part() + "' under ") + "\"" + use.rule()
                            + "\""));
                    continue;
                }
                written.computeIfAbsent(where, w -> new LinkedHashSet<>()).add(use.rule() + "\u0000" + use.part());
                if (!use.checkable()) {
                    continue; // its names were refused already
                }
                Set<String> used = new LinkedHashSet<>();
                entry.zh().placeholders().forEach(used::add);
                entry.en().placeholders().forEach(used::add);
                for (String placeholder : used) {
                    if (!use.names().contains(placeholder)) {
                        problems.add(new RuleProblem(where, entry.line(), 0, "the message of rule '" + use.rule()
                                + "' uses {" + placeholder + "}, which the rule does not pass ("
                                + (use.names().isEmpty() ? "it passes none" : "it passes: "
                                        + String.join(", ", use.names())) + ", " + drl.path() + ":" + use.line()
                                + ")"));
                    }
                }
                for (String name : use.names()) {
                    if (!used.contains(name)) {
                        problems.add(new RuleProblem(drl.path(), use.line(), use.column(), "rule '" + use.rule()
                                + "' passes '" + name + "', which its message in " + where + " does not use"));
                    }
                }
                messages.computeIfAbsent(new RuleSet.RuleKey(use.pkg(), use.rule()), k -> new HashMap<>())
                        .put(use.part(), new Template(entry.zh(), entry.en()));
            }
        }
        for (MessagesFile file : byFolder.values()) {
            Set<String> done = written.getOrDefault(file.source().path(), Set.of());
            file.entries().forEach((rule, parts) -> parts.forEach((part, entry) -> {
                if (!done.contains(rule + "\u0000" + part)) {
                    problems.add(new RuleProblem(file.source().path(), entry.line(), 0, "no rule \"" + rule
                            + "\" in " + folder(file.source().path()) + "*.drl writes this message"
                            + (part.isEmpty() ? "" : " ('" + part + "')")));
                }
            }));
        }
        return new RuleMessages(messages);
    }

    static boolean isMessages(String path) {
        return path.equals(FILE_NAME) || path.endsWith("/" + FILE_NAME);
    }

    /** The line (1-based) of a key of a YAML file, searching from a line on; the line before if not found. */
    static int lineOf(String[] lines, String key, int from) {
        return MessagesFile.lineOf(lines, key, from);
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    private static String folderFile(String drlPath) {
        return folder(drlPath) + FILE_NAME;
    }

    // ---- the messages files ------------------------------------------------------------------------------------

    private record Entry(TemplateText zh, TemplateText en, int line) {
    }

    private record Template(TemplateText zh, TemplateText en) {
    }

    /** One messages.yaml: rule → part (ONLY for a rule's one message) → entry. */
    private record MessagesFile(RuleSource source, Map<String, Map<String, Entry>> entries, Set<String> refused) {

        static MessagesFile parse(RuleSource file, List<RuleProblem> problems) {
            Map<String, Object> tree;
            try {
                tree = YAML.readValue(file.content(),
                        YAML.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                problems.add(new RuleProblem(file.path(), at == null ? 0 : at.getLineNr(),
                        at == null ? 0 : at.getColumnNr(), e.getOriginalMessage()));
                return null;
            }
            Map<String, Map<String, Entry>> entries = new LinkedHashMap<>();
            Set<String> refused = new LinkedHashSet<>();
            if (tree == null) {
                return new MessagesFile(file, entries, refused);
            }
            String[] lines = file.content().split("\n", -1);
            int[] from = {0};
            tree.forEach((rule, value) -> {
                int line = lineOf(lines, rule, from[0]);
                from[0] = Math.max(from[0], line);
                Map<String, Entry> parts = new LinkedHashMap<>();
                if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
                    problems.add(new RuleProblem(file.path(), line, 0, "the message of rule '" + rule
                            + "' needs zh: and en:"));
                    refused.add(rule + "\u0000" + Message.ONLY);
                    return;
                }
                if (map.keySet().stream().anyMatch(LANGUAGES::contains)) {
                    Entry entry = entry(file, rule, "", map, line, problems);
                    if (entry != null) {
                        parts.put(Message.ONLY, entry);
                    } else {
                        refused.add(rule + "\u0000" + Message.ONLY);
                    }
                } else {
                    map.forEach((part, texts) -> {
                        int partLine = lineOf(lines, String.valueOf(part), line);
                        if (texts instanceof Map<?, ?> partMap) {
                            Entry entry = entry(file, rule, String.valueOf(part), partMap, partLine, problems);
                            if (entry != null) {
                                parts.put(String.valueOf(part), entry);
                            } else {
                                refused.add(rule + "\u0000" + part);
                            }
                        } else {
                            problems.add(new RuleProblem(file.path(), partLine, 0, "the message '" + part
                                    + "' of rule '" + rule + "' needs zh: and en:"));
                            refused.add(rule + "\u0000" + part);
                        }
                    });
                }
                entries.put(rule, parts);
            });
            return new MessagesFile(file, entries, refused);
        }

        private static Entry entry(RuleSource file, String rule, String part, Map<?, ?> map, int line,
                List<RuleProblem> problems) {
            String which = (part.isEmpty() ? "the message" : "the message '" + part + "'") + " of rule '" + rule
                    + "'";
            for (Object key : map.keySet()) {
                if (!LANGUAGES.contains(String.valueOf(key))) {
                    problems.add(new RuleProblem(file.path(), line, 0, which + ": unknown key '" + key
                            + "' (a message has zh: and en:)"));
                    return null;
                }
            }
            List<TemplateText> texts = TemplateText.bilingual(file, line, which, map, problems);
            return texts == null ? null : new Entry(texts.get(0), texts.get(1), line);
        }

        /** The line (1-based) of a key, searching from a line on; the line before if not found. */
        static int lineOf(String[] lines, String key, int from) {
            for (int i = from; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                        || line.startsWith("'" + key.replace("'", "''") + "'") || line.startsWith(key + ":")) {
                    return i + 1;
                }
            }
            return from;
        }
    }

    /** One language of a message: literal text and placeholders. */
    record TemplateText(List<Object> pieces, String error) {

        /** A placeholder: its name and the words when it has no value (null if none given). */
        private record Slot(String name, String whenNone) {
        }

        /**
         * The {@code zh:} and {@code en:} templates of a message or notice, in that order; null, with the problem
         * added (naming the file, the line and {@code which}), when either is missing or malformed.
         */
        static List<TemplateText> bilingual(RuleSource file, int line, String which, Map<?, ?> map,
                List<RuleProblem> problems) {
            TemplateText zh = parse(map.get("zh"));
            TemplateText en = parse(map.get("en"));
            if (zh == null || en == null) {
                problems.add(new RuleProblem(file.path(), line, 0, which + " needs both zh: and en:"
                        + (zh == null ? " (zh: missing)" : " (en: missing)")));
                return null;
            }
            for (TemplateText text : List.of(zh, en)) {
                if (text.error() != null) {
                    problems.add(new RuleProblem(file.path(), line, 0, which + ": " + text.error()));
                    return null;
                }
            }
            return List.of(zh, en);
        }

        static TemplateText parse(Object value) {
            if (value == null || String.valueOf(value).isBlank()) {
                return null;
            }
            String text = String.valueOf(value);
            List<Object> pieces = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            int at = 0;
            while (m.find()) {
                String before = text.substring(at, m.start());
                if (before.contains("{") || before.contains("}")) {
                    return new TemplateText(List.of(), "an unmatched brace in \"" + text + "\"");
                }
                pieces.add(before);
                String name = m.group(1).strip();
                if (!NAME.matcher(name).matches()) {
                    return new TemplateText(List.of(), "{" + m.group(1) + "} is no placeholder: a name is a word");
                }
                pieces.add(new Slot(name, m.group(2)));
                at = m.end();
            }
            String rest = text.substring(at);
            if (rest.contains("{") || rest.contains("}")) {
                return new TemplateText(List.of(), "an unmatched brace in \"" + text + "\"");
            }
            pieces.add(rest);
            return new TemplateText(List.copyOf(pieces), null);
        }

        List<String> placeholders() {
            return pieces.stream().filter(Slot.class::isInstance).map(p -> ((Slot) p).name()).distinct().toList();
        }

        String render(Map<String, Object> values, String listSeparator) {
            StringBuilder out = new StringBuilder();
            for (Object piece : pieces) {
                if (piece instanceof Slot slot) {
                    Object value = values.get(slot.name());
                    String shown = format(value, listSeparator);
                    out.append(shown.isEmpty() && slot.whenNone() != null ? slot.whenNone() : shown);
                } else {
                    out.append((String) piece);
                }
            }
            return out.toString();
        }

        /** Amounts in full (2000000, not 2E+6); lists "a、b" in Chinese, "a, b" in English; nothing for no value. */
        private static String format(Object value, String listSeparator) {
            if (value == null) {
                return "";
            }
            if (value instanceof BigDecimal amount) {
                return amount.toPlainString();
            }
            if (value instanceof Collection<?> items) {
                return items.stream().map(item -> format(item, listSeparator))
                        .collect(Collectors.joining(listSeparator));
            }
            return String.valueOf(value);
        }
    }
}
