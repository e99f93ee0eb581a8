package io.huitong.lifecycle;

import io.huitong.rules.Message;
import io.huitong.rules.RuleOutput;
import org.kie.api.runtime.rule.RuleContext;

/** Why a round failed, in Chinese and English, stamped with the rule and the article it stands on. */
public record FailureReason(String messageZh, String messageEn, RuleOutput by) {

    /** The reason in the rule's words ({@code lifecycle/messages.yaml}). */
    public static FailureReason of(RuleContext rule, Message message) {
        Message.Text text = message.render(rule);
        return new FailureReason(text.zh(), text.en(), RuleOutput.of(rule));
    }

    /** The reason, citing the article of the rule that decided the limit it failed (e.g. the minimum bids). */
    public static FailureReason citing(RuleContext rule, Message message, RuleOutput limit) {
        Message.Text text = message.render(rule);
        return new FailureReason(text.zh(), text.en(), RuleOutput.of(rule).citing(limit.citation(), limit.tag()));
    }

    /** As the tender's outcome reason: "中文 (article) / English". */
    public String text() {
        return messageZh + " (" + by.citation() + ") / " + messageEn;
    }
}
