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
}
