package io.huitong.bidding;

import java.math.BigDecimal;
import org.springframework.stereotype.Service;

/**
 * What the evaluation committee makes of the opened bids: rejections in its review, the scores and ranks, and, when
 * a committee is dismissed, a fresh start for the next one. The evaluation module decides; the bids record it.
 */
@Service
class BidReview {

    private final Bids bids;
    private final CollusionCases collusion;

    BidReview(Bids bids, CollusionCases collusion) {
        this.bids = bids;
        this.collusion = collusion;
    }

    /** A bid rejected in the committee's review (H1, H3), with the reason and its article. */
    void reject(String tenderId, String bidId, String reason, String citation) {
        bids.save(bids.lock(tenderId, bidId).reject(reason, citation));
    }

    /** The committee's results for a bid. */
    void score(String bidId, BigDecimal evaluatedPrice, BigDecimal priceScore, BigDecimal technicalScore,
            BigDecimal totalScore, Integer rank) {
        bids.save(bids.lock(bidId).orElseThrow().score(evaluatedPrice, priceScore, technicalScore, totalScore, rank));
    }

    /**
     * A committee dismissed (a postponed remote evaluation, J9, J10; a committee that cannot be completed,
     * O87 49): the bids it rejected are valid again, its scores and collusion decisions gone, for the new
     * committee to evaluate.
     */
    void reopen(String tenderId, int round) {
        for (Bid stored : bids.ofRound(tenderId, round)) {
            bids.save(bids.lock(tenderId, stored.id()).reopenReview());
        }
        collusion.undecide(tenderId, round);
    }
}
