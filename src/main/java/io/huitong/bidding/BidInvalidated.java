package io.huitong.bidding;

import io.huitong.rules.Message;
import io.huitong.rules.RuleOutput;
import org.kie.api.runtime.rule.RuleContext;

/** A bid the opening rules invalidate, with why, stamped with the rule and its article. */
public record BidInvalidated(String bidId, String reasonZh, String reasonEn, RuleOutput by) {

    public static BidInvalidated of(RuleContext rule, String bidId, String reasonZh, String reasonEn) {
        return new BidInvalidated(bidId, reasonZh, reasonEn, RuleOutput.of(rule));
    }

    /** The reason being the rule's message (messages.yaml). */
    public static BidInvalidated of(RuleContext rule, String bidId, Message reason) {
        Message.Text text = reason.render(rule);
        return of(rule, bidId, text.zh(), text.en());
    }
}
