package io.huitong.evaluation;

import io.huitong.rules.Message;
import io.huitong.rules.RuleOutput;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A confirmed flag whose bids are invalid under its own article but that is no collusion case: nothing is reported,
 * and the bids are rejected with this reason (a shared legal representative, TBR 34; GPR 18).
 */
public record InvalidWithoutCollusion(String reasonZh, String reasonEn, RuleOutput by) {

    public static InvalidWithoutCollusion of(RuleContext rule, String reasonZh, String reasonEn) {
        return new InvalidWithoutCollusion(reasonZh, reasonEn, RuleOutput.of(rule));
    }

    /** The reason being the rule's message (messages.yaml). */
    public static InvalidWithoutCollusion of(RuleContext rule, Message reason) {
        Message.Text text = reason.render(rule);
        return of(rule, text.zh(), text.en());
    }
}
