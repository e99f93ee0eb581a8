package io.huitong.bidding;

import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionSealing;
import org.springframework.stereotype.Component;

/** A bid's submission decision stays sealed until its round is opened, except from its own submitter. */
@Component
class SealedBids implements DecisionSealing {

    private final BidService bids;

    SealedBids(BidService bids) {
        this.bids = bids;
    }

    @Override
    public boolean sealed(DecisionRecord record, String userId) {
        if (!BidService.SUBMISSION.equals(record.kind()) || record.tenderId() == null
                || userId != null && userId.equals(record.operator())) {
            return false;
        }
        int round = record.outputs().path("round").asInt(1);
        return !bids.opened(record.tenderId(), round);
    }
}
