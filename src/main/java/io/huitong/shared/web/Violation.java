package io.huitong.shared.web;

/**
 * One reason a request was refused, as it appears in problem details: the field, the rule and its legal
 * citation (for validation, the constraint), the limit, the value given, and a message in Chinese and English.
 */
public record Violation(String field, String rule, String citation, Object limit, Object value, String message) {

    public static Violation of(String field, String rule, String citation, Object limit, Object value,
            String messageZh, String messageEn) {
        return new Violation(field, rule, citation, limit, value, messageZh + " / " + messageEn);
    }

    /** The violations as a person reads them: each message, with its article where there is one. */
    public static String describe(java.util.List<Violation> violations) {
        return violations.stream().map(v -> v.message() + (v.citation() == null ? "" : " (" + v.citation() + ")"))
                .collect(java.util.stream.Collectors.joining("；"));
    }
}
