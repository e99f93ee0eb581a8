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

    /** A refusal whose reason is the rule's message (messages.yaml), rendered in Chinese and English. */
    public static Refusal of(RuleContext rule, String field, Object value, Object limit, Message message) {
        Message.Text text = message.render(rule);
        return of(rule, field, value, limit, text.zh(), text.en());
    }

    /** The same, citing the policy or record the rule applies. */
    public static Refusal of(RuleContext rule, String field, Object value, Object limit, Message message,
            String citation, String tag) {
        Message.Text text = message.render(rule);
        return of(rule, field, value, limit, text.zh(), text.en(), citation, tag);
    }

    /** As it appears in problem details. */
    public Violation violation() {
        return Violation.of(field, by.rule(), by.citation(), limit, value, messageZh, messageEn);
    }
}
