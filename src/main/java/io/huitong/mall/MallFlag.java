package io.huitong.mall;

import io.huitong.rules.Message;
import io.huitong.rules.RuleOutput;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule inserts to flag an order it lets through (a possible split purchase): the field, the value, the limit,
 * why in Chinese and English, and the rule with its citation.
 */
public record MallFlag(String field, Object value, Object limit, String messageZh, String messageEn, RuleOutput by) {

    public static MallFlag of(RuleContext rule, String field, Object value, Object limit, Message message) {
        Message.Text text = message.render(rule);
        return new MallFlag(field, value, limit, text.zh(), text.en(), RuleOutput.of(rule));
    }
}
