package io.huitong.lifecycle;

import io.huitong.rules.RuleOutput;
import org.kie.api.runtime.rule.RuleContext;

/** Why a round failed, in Chinese and English, stamped with the rule and the article it stands on. */
public record FailureReason(String messageZh, String messageEn, RuleOutput by) {

    public static FailureReason of(RuleContext rule, String messageZh, String messageEn) {
        return new FailureReason(messageZh, messageEn, RuleOutput.of(rule));
    }

    /** The reason, citing the article of the rule that decided the limit it failed (e.g. the minimum bids). */
    public static FailureReason citing(RuleContext rule, String messageZh, String messageEn, RuleOutput limit) {
        return new FailureReason(messageZh, messageEn, RuleOutput.of(rule).citing(limit.citation(), limit.tag()));
    }

    /** As the tender's outcome reason: "中文 (article) / English". */
    public String text() {
        return messageZh + " (" + by.citation() + ") / " + messageEn;
    }
}
