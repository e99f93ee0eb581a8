package io.huitong.bidding;

import io.huitong.rules.Message;
import io.huitong.rules.RuleOutput;
import org.kie.api.runtime.rule.RuleContext;

/** A bond the tenderer keeps instead of refunding it, with why and the rule (TBR 35, 74). */
public record BondKept(String bidId, String reasonZh, String reasonEn, RuleOutput by) {

    public static BondKept of(RuleContext rule, String bidId, String reasonZh, String reasonEn) {
        return new BondKept(bidId, reasonZh, reasonEn, RuleOutput.of(rule));
    }

    /** The reason being the rule's message (messages.yaml). */
    public static BondKept of(RuleContext rule, String bidId, Message reason) {
        Message.Text text = reason.render(rule);
        return of(rule, bidId, text.zh(), text.en());
    }

    public String reason() {
        return reasonZh + " / " + reasonEn;
    }
}
