package io.huitong.rules;

import java.util.Set;

/** The metadata every rule must carry: {@code @citation("TBR 26")} and {@code @tag("S")}. */
final class RuleMetadata {

    static final String CITATION = "citation";
    static final String TAG = "tag";

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
}
