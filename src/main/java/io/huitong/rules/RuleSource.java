package io.huitong.rules;

/** One file of a rule set: its path relative to the rules folder (with '/') and its text. */
public record RuleSource(String path, String content) {

    public boolean isDrl() {
        return path.endsWith(".drl");
    }

    /** A decision table: a Drools decision table in CSV, one rule a row. */
    public boolean isTable() {
        return path.endsWith(".csv");
    }

    /** Policy data: every YAML file but the messages and the notices. */
    public boolean isPolicy() {
        return (path.endsWith(".yaml") || path.endsWith(".yml")) && !isMessages() && !isNotices();
    }

    /** A folder's notices of the platform ({@code notices.yaml}): its own words, with their articles. */
    public boolean isNotices() {
        return RuleNotices.isNotices(path);
    }

    /** A folder's rule messages ({@code messages.yaml}). */
    public boolean isMessages() {
        return RuleMessages.isMessages(path);
    }
}
