package io.huitong.rules;

import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The messages the rules write: every {@code message(...)} and {@code messageNamed(...)} in a rule's consequence,
 * with the placeholder names it passes, read from the DRL text so that {@link RuleMessages} can check them against
 * the messages files.
 */
final class MessageUses {

    private static final Pattern NAME = RuleMessages.NAME;
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)");
    private static final Pattern CALL = Pattern.compile("(?<![\\w.$])(message|messageNamed)\\s*\\(");

    private MessageUses() {
    }

    /** A {@code message(...)} or {@code messageNamed(...)} in a rule's consequence. */
    record Use(String pkg, String rule, String part, List<String> names, int line, int column,
            String function, boolean checkable) {

        String describe() {
            return part.isEmpty() ? "a message" : "message '" + part + "'";
        }
    }

    /** Every message call of every rule of a DRL file, with the placeholder names it passes. */
    static List<Use> uses(RuleSource drl, List<RuleProblem> problems) {
        List<Use> uses = new ArrayList<>();
        String[] lines = drl.content().split("\n", -1);
        String pkg = "";
        String rule = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher p = PACKAGE.matcher(lines[i]);
            if (p.find()) {
                pkg = p.group(1);
            }
            Matcher r = RULE.matcher(lines[i]);
            if (r.find()) {
                rule = r.group(1) != null ? r.group(1) : r.group(2) != null ? r.group(2) : r.group(3);
                continue;
            }
            if (END.matcher(lines[i]).matches()) {
                rule = null;
                continue;
            }
            if (rule == null) {
                continue;
            }
            String code = withoutComment(lines[i]);
            Matcher call = CALL.matcher(code);
            while (call.find()) {
                List<String> args = arguments(lines, i, call.end());
                int line = i + 1;
                int column = call.start() + 1;
                if (args == null) {
                    problems.add(new RuleProblem(drl.path(), line, column, "rule '" + rule + "': "
                            + call.group(1) + "( is not closed"));
                    continue;
                }
                boolean named = call.group(1).equals("messageNamed");
                String part = Message.ONLY;
                List<String> pairs = args;
                if (named) {
                    if (args.isEmpty() || literal(args.get(0)) == null) {
                        problems.add(new RuleProblem(drl.path(), line, column, "rule '" + rule
                                + "': messageNamed takes the message's name first, in quotes"));
                        continue;
                    }
                    part = literal(args.get(0));
                    pairs = args.subList(1, args.size());
                }
                if (pairs.size() % 2 != 0) {
                    problems.add(new RuleProblem(drl.path(), line, column, "rule '" + rule + "': "
                            + call.group(1) + " takes names and values in pairs, \"name\", value"));
                    continue;
                }
                List<String> names = new ArrayList<>();
                boolean ok = true;
                for (int k = 0; k < pairs.size(); k += 2) {
                    String name = literal(pairs.get(k));
                    if (name == null || !NAME.matcher(name).matches()) {
                        problems.add(new RuleProblem(drl.path(), line, column, "rule '" + rule
                                + "': a placeholder's name is a word in quotes, found " + pairs.get(k)));
                        ok = false;
                    } else if (names.contains(name)) {
                        problems.add(new RuleProblem(drl.path(), line, column, "rule '" + rule + "' passes '"
                                + name + "' twice"));
                        ok = false;
                    } else {
                        names.add(name);
                    }
                }
                uses.add(new Use(pkg, rule, part, List.copyOf(names), line, column, call.group(1), ok));
            }
        }
        return uses;
    }

    private static String withoutComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && inString) {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** The top-level arguments of a call whose '(' ends at {@code from} on line {@code at}; null if never closed. */
    private static List<String> arguments(String[] lines, int at, int from) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = at; i < lines.length; i++) {
            String line = i == at ? lines[i].substring(from) : withoutComment(lines[i]);
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (inString) {
                    current.append(c);
                    if (c == '\\' && k + 1 < line.length()) {
                        current.append(line.charAt(++k));
                    } else if (c == '"') {
                        inString = false;
                    }
                    continue;
                }
                if (c == '"') {
                    inString = true;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        if (!current.toString().isBlank() || !args.isEmpty()) {
                            args.add(current.toString().strip());
                        }
                        return args;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    args.add(current.toString().strip());
                    current.setLength(0);
                    continue;
                }
                current.append(c);
            }
            current.append(' ');
        }
        return null;
    }

    /** The text of a string literal, or null if the argument is not one. */
    private static String literal(String arg) {
        if (arg.length() >= 2 && arg.startsWith("\"") && arg.endsWith("\"")
                && arg.indexOf('"', 1) == arg.length() - 1) {
            return arg.substring(1, arg.length() - 1);
        }
        return null;
    }
}
