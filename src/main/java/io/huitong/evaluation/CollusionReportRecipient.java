package io.huitong.evaluation;

import io.huitong.rules.Message;
import io.huitong.rules.RuleOutput;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Who receives the written report of a confirmed collusion case: the group that sees it, in Chinese and English,
 * and the rule and article that say so (O87 36 under government procurement).
 */
public record CollusionReportRecipient(String group, String labelZh, String labelEn, RuleOutput by) {

    public static CollusionReportRecipient of(RuleContext rule, String group, String labelZh, String labelEn) {
        return new CollusionReportRecipient(group, labelZh, labelEn, RuleOutput.of(rule));
    }

    /** The label being the rule's message (messages.yaml). */
    public static CollusionReportRecipient of(RuleContext rule, String group, Message label) {
        Message.Text text = label.render(rule);
        return of(rule, group, text.zh(), text.en());
    }
}
