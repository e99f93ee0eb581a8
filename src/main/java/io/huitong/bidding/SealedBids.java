package io.huitong.bidding;

import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionSealing;
import io.huitong.shared.party.BidderAccounts;
import org.springframework.stereotype.Component;

/**
 * A bid's submission decision, and the decision on the signature it carries, stay sealed until its round is opened, except from its own bidder (the account
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
        boolean bid = BidSubmission.SUBMISSION.equals(record.kind());
        // a bid's signature names its signer: who signed is who bid
        boolean signature = io.huitong.certification.CertificateVerification.SIGNATURE.equals(record.kind());
        if (!(bid || signature) || record.tenderId() == null || own(record, userId)) {
            return false;
        }
        int round = bid ? record.outputs().path("round").asInt(1) : record.inputs().path("round").asInt(1);
        return !bids.opened(record.tenderId(), round);
    }

    @Override
    public boolean hidden(DecisionRecord record, String userId) {
        return sealed(record, userId);
    }

    private boolean own(DecisionRecord record, String userId) {
        String bidder = record.inputs().path("bid").path("bidderId").asText(
                record.inputs().path("facts").path("expectedCreditCode").asText(null));
        return userId != null && (userId.equals(record.operator()) || accounts.actsFor(userId, bidder));
    }
}
