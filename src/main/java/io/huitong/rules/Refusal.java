package io.huitong.rules;

import io.huitong.shared.web.Violation;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What any rule inserts to refuse a request: the field, the value given, the limit, and why, in Chinese and
 * English, stamped with the rule and its citation (or the citation of the policy or record it applies).
 */
public record Refusal(String field, Object value, Object limit, String messageZh, String messageEn,
        RuleOutput by) {

    public static Refusal of(RuleContext rule, String field, Object value, Object limit, String messageZh,
            String messageEn) {
        return new Refusal(field, value, limit, messageZh, messageEn, RuleOutput.of(rule));
    }

    public static Refusal of(RuleContext rule, String field, Object value, Object limit, String messageZh,
            String messageEn, String citation, String tag) {
        return new Refusal(field, value, limit, messageZh, messageEn, RuleOutput.of(rule).citing(citation, tag));
    }

    /** As it appears in problem details. */
    public Violation violation() {
        return Violation.of(field, by.rule(), by.citation(), limit, value, messageZh, messageEn);
    }
}
