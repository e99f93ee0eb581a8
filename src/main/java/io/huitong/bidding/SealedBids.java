package io.huitong.bidding;

import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionSealing;
import io.huitong.shared.party.BidderAccounts;
import org.springframework.stereotype.Component;

/**
 * A bid's submission decision stays sealed until its round is opened, except from its own bidder (the account
 * that submitted it, or another account of its entity); in a tender's list of decisions it is not even shown to
 * anyone else, administrators and the centre included: how many bid, and who tried, is unknown before the
 * opening (TBL 22; EB20 27). The audit trail keeps every submission for the supervisors.
 */
@Component
class SealedBids implements DecisionSealing {

    private final Bids bids;
    private final BidderAccounts accounts;

    SealedBids(Bids bids, BidderAccounts accounts) {
        this.bids = bids;
        this.accounts = accounts;
    }

    @Override
    public boolean sealed(DecisionRecord record, String userId) {
        if (!BidSubmission.SUBMISSION.equals(record.kind()) || record.tenderId() == null || own(record, userId)) {
            return false;
        }
        int round = record.outputs().path("round").asInt(1);
        return !bids.opened(record.tenderId(), round);
    }

    @Override
    public boolean hidden(DecisionRecord record, String userId) {
        return sealed(record, userId);
    }

    private boolean own(DecisionRecord record, String userId) {
        return userId != null && (userId.equals(record.operator())
                || accounts.actsFor(userId, record.inputs().path("bid").path("bidderId").asText(null)));
    }
}
