package io.huitong.bidding;

import io.huitong.rules.Message;
import io.huitong.rules.RuleOutput;
import org.kie.api.runtime.rule.RuleContext;

/** What a bid not decrypted is deemed to be (EB20 31): revoked or withdrawn, with why and the rule. */
public record DecryptionOutcome(String bidId, BidStatus status, String reasonZh, String reasonEn, RuleOutput by) {

    public static DecryptionOutcome revoked(RuleContext rule, String bidId, String reasonZh, String reasonEn) {
        return new DecryptionOutcome(bidId, BidStatus.REVOKED, reasonZh, reasonEn, RuleOutput.of(rule));
    }

    public static DecryptionOutcome withdrawn(RuleContext rule, String bidId, String reasonZh, String reasonEn) {
        return new DecryptionOutcome(bidId, BidStatus.WITHDRAWN, reasonZh, reasonEn, RuleOutput.of(rule));
    }

    /** The reason being the rule's message (messages.yaml). */
    public static DecryptionOutcome revoked(RuleContext rule, String bidId, Message reason) {
        Message.Text text = reason.render(rule);
        return revoked(rule, bidId, text.zh(), text.en());
    }

    /** The reason being the rule's message (messages.yaml). */
    public static DecryptionOutcome withdrawn(RuleContext rule, String bidId, Message reason) {
        Message.Text text = reason.render(rule);
        return withdrawn(rule, bidId, text.zh(), text.en());
    }

    public String reason() {
        return reasonZh + " / " + reasonEn;
    }
}
