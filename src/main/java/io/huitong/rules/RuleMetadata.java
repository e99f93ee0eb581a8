package io.huitong.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * The metadata every rule must carry: {@code @citation("TBR 26")} and {@code @tag("S")}; and the metadata a rule may
 * carry: {@code @effectiveFrom("2027-01-01")} and {@code @effectiveTo("2027-12-31")}, the days (inclusive, in China)
 * of the act it governs on which it applies.
 */
final class RuleMetadata {

    static final String CITATION = "citation";
    static final String TAG = "tag";
    static final String EFFECTIVE_FROM = "effectiveFrom";
    static final String EFFECTIVE_TO = "effectiveTo";

    /** docs/rules.md: [S] primary text, [S2] secondary, [L] local, [I] our design, [M] parameter without text. */
    static final Set<String> TAGS = Set.of("S", "S2", "L", "I", "M");

    private RuleMetadata() {
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** A tag is one or more of {@link #TAGS}, separated by commas: "S2,L". */
    static boolean validTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        for (String part : tag.split(",")) {
            if (!TAGS.contains(part.strip())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A rule's window from its metadata, or null when it has none (it applies whatever the date).
     *
     * @throws DateTimeParseException if a date is not written yyyy-MM-dd
     */
    static RuleWindow window(Map<String, Object> metadata) {
        LocalDate from = date(metadata.get(EFFECTIVE_FROM));
        LocalDate to = date(metadata.get(EFFECTIVE_TO));
        return from == null && to == null ? null : new RuleWindow(from, to);
    }

    private static LocalDate date(Object value) {
        String s = text(value);
        return s == null ? null : LocalDate.parse(s);
    }

    /** The days of the act on which a rule applies: from and to inclusive, either open. */
    record RuleWindow(LocalDate from, LocalDate to) {

        boolean contains(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
        }

        @Override
        public String toString() {
            return (from == null ? "" : "from " + from) + (from != null && to != null ? " " : "")
                    + (to == null ? "" : "to " + to);
        }
    }
}
