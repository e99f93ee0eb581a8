package io.huitong.bidding;

import io.huitong.shared.security.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * What other modules ask of bidding: the bids as they stand, the opening the lifecycle triggers, the committee's
 * verdicts, the bonds' refunds, the opening records and collusion flags. Each command is one use case of its own
 * ({@link Opening}, {@link BidReview}, {@link BondRefunds}, {@link CollusionCases}); what bidders and the centre do
 * through the API lives in {@link BidSubmission} and {@link BidDecryption}.
 */
@Service
public class BidService {

    /** The due date in the tender's timeline when the decryption window closes (EB20 30). */
    public static final String DECRYPTION_WINDOW = BidDecryption.WINDOW;

    private final Bids bids;
    private final BidOwnership owners;
    private final BidDecryption decryption;
    private final Opening opening;
    private final BidReview review;
    private final BondRefunds refunds;
    private final CollusionCases collusion;

    BidService(Bids bids, BidOwnership owners, BidDecryption decryption, Opening opening, BidReview review,
            BondRefunds refunds, CollusionCases collusion) {
        this.bids = bids;
        this.owners = owners;
        this.decryption = decryption;
        this.opening = opening;
        this.review = review;
        this.refunds = refunds;
        this.collusion = collusion;
    }

    // ---- reading the bids -------------------------------------------------------------------------------------

    /** The bid, if it belongs to the tender (404 otherwise). */
    public Bid bid(String tenderId, String bidId) {
        return bids.get(tenderId, bidId);
    }

    /** The bids of the tender's round still standing (submitted, not withdrawn, not yet opened). */
    public List<Bid> submitted(String tenderId, int round) {
        return bids.submitted(tenderId, round);
    }

    /** Every bid of the round. */
    public List<Bid> ofRound(String tenderId, int round) {
        return bids.ofRound(tenderId, round);
    }

    /** Every bid of every round of the tender. */
    public List<Bid> ofTender(String tenderId) {
        return bids.ofTender(tenderId);
    }

    /** Whether the round's bids were opened: only then may anyone read them (TBL 22; EB20 27). */
    public boolean opened(String tenderId, int round) {
        return bids.opened(tenderId, round);
    }

    /** Whether the operator's account acts for the bid's entity: it sees its receipt, withdraws and decrypts it. */
    public boolean owns(Bid bid, Operator operator) {
        return owners.owns(bid, operator);
    }

    /** The operator's account acts for the bid's entity, or 403 (with a note in the audit entry). */
    public void requireOwner(Bid bid, Operator operator, String message) {
        owners.requireOwner(bid, operator, message);
    }

    /** The sealed file of a bid as received, for the archive once the tender is over. */
    public Optional<String> sealedFile(String bidId) {
        return bids.sealedFile(bidId);
    }

    // ---- decryption and opening -------------------------------------------------------------------------------

    /** Where the decryption stands, once the deadline has passed: each bidder and whether its file is open yet. */
    public List<BidDecryption.Progress> decryptionProgress(String tenderId) {
        return decryption.progress(tenderId);
    }

    /** Opens the round's bids (see {@link Opening}); returns the valid ones. Runs in the caller's transaction. */
    public List<Bid> open(String tenderId, int round) {
        return opening.open(tenderId, round);
    }

    /** Every opening record of the tender, round by round. */
    public List<OpeningRecord> openingRecords(String tenderId) {
        return opening.records(tenderId);
    }

    /** The published opening record of the tender's latest opened round, if any. */
    public Optional<OpeningRecord> openingRecord(String tenderId) {
        return opening.latestRecord(tenderId);
    }

    // ---- the committee's verdicts -----------------------------------------------------------------------------

    /** A bid rejected in the committee's review (H1, H3), with the reason and its article; 409 unless valid. */
    public void reject(String tenderId, String bidId, String reason, String citation) {
        review.reject(tenderId, bidId, reason, citation);
    }

    /** A committee dismissed: the bids it rejected are valid again, its scores and collusion decisions gone. */
    public void resetReview(String tenderId, int round) {
        review.reopen(tenderId, round);
    }

    /** Evaluation results of a valid bid. */
    public void score(String bidId, BigDecimal evaluatedPrice, BigDecimal priceScore, BigDecimal technicalScore,
            BigDecimal totalScore, Integer rank) {
        review.score(bidId, evaluatedPrice, priceScore, technicalScore, totalScore, rank);
    }

    /** The collusion flags of the tender's round, open and decided. */
    public List<CollusionFlag> collusionFlags(String tenderId, int round) {
        return collusion.of(tenderId, round);
    }

    public CollusionFlag collusionFlag(String tenderId, String flagId) {
        return collusion.get(tenderId, flagId);
    }

    /** Records the committee's decision on a flag; a confirmed case is reported to the group the rules named. */
    public void decideCollusion(String flagId, boolean confirmed, String reason, String by, String reportTo,
            String reportCitation) {
        collusion.decide(flagId, confirmed, reason, by, reportTo, reportCitation);
    }

    // ---- bonds ------------------------------------------------------------------------------------------------

    /** Schedules the refund of every bond of the round not yet refunded, kept or scheduled. */
    public void bondsDue(String tenderId, int round, Instant due, Predicate<Bid> which) {
        refunds.fallDue(tenderId, round, due, which);
    }

    /** Bonds refunded (by a refund task, which has checked that they fell due). */
    public void refunded(String tenderId, List<String> bidIds) {
        refunds.refunded(tenderId, bidIds);
    }

    /** Bonds of the tender still to be refunded (all of them, sealed or not: for the lifecycle, never answered). */
    public List<Bid> bondsToRefund(String tenderId) {
        return refunds.stillHeld(tenderId);
    }
}
