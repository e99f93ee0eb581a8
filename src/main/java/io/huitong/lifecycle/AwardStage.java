package io.huitong.lifecycle;

import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.shared.time.LegalClock;
import io.huitong.tender.Regime;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderTimeline;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;

/**
 * From the candidates to the award notice ({@code tender-award.bpmn}): publicity (Tendering Law), the winner
 * determined or deemed, the award notice and what falls due with it.
 */
@Service
public class AwardStage {

    private final TenderService tenders;
    private final TenderTimeline timeline;
    private final LegalPeriods periods;
    private final BidService bids;
    private final LegalClock clock;

    AwardStage(TenderService tenders, TenderTimeline timeline, LegalPeriods periods, BidService bids,
            LegalClock clock) {
        this.tenders = tenders;
        this.timeline = timeline;
        this.periods = periods;
        this.bids = bids;
        this.clock = clock;
    }

    /** Tendering Law: the candidates are publicised for the period the rules give (TBR 54). */
    public void publishCandidates(String tenderId) {
        Tender tender = tenders.change(tenderId, Tender::publishCandidates);
        periods.schedule(tender, "publicity", clock.instant());
    }

    /** Every objection to the result answered (the answer set the publicity's end): publicity resumes. */
    public void resumePublicity(String tenderId) {
        tenders.change(tenderId, Tender::resume);
    }

    /** The winner is to be determined: under government procurement within the period the rules give (O87 68). */
    public void startAwarding(String tenderId) {
        Tender tender = tenders.change(tenderId, Tender::startAwarding);
        timeline.close(tenderId, tender.round(), "publicity", TenderTimeline.State.MET);
        if (periods.facts(tender).law() == Regime.GOVERNMENT_PROCUREMENT) {
            periods.schedule(tender, "winnerDetermination", clock.instant());
        }
    }

    /** The first-ranked candidate (TBR 55; O87 68: silence is deemed choosing it). */
    public String rankOne(String tenderId) {
        Tender tender = tenders.get(tenderId);
        return bids.ofRound(tenderId, tender.round()).stream()
                .filter(b -> Integer.valueOf(1).equals(b.candidateRank())).map(Bid::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("tender " + tenderId + " has no first-ranked candidate"));
    }

    /**
     * The award notice is sent; the contract, the report and the losers' refunds fall due. Returns whether
     * losers' bonds are held (government procurement refunds them on their own step).
     */
    public boolean award(String tenderId, String winner) {
        Tender tender = tenders.change(tenderId, t -> t.award(winner));
        timeline.close(tenderId, tender.round(), "winnerDetermination", TenderTimeline.State.MET);
        Instant now = clock.instant();
        periods.schedule(tender, "contract", now);
        boolean losersHold = false;
        if (periods.facts(tender).law() == Regime.TENDERING_LAW) {
            periods.schedule(tender, "supervisorReport", now);
        } else {
            // the result is published with the award notice and announced (O87 69); suppliers may challenge it
            // within their window from the announcement's end (GPL 52; GPR 53(三))
            periods.schedule(tender, "awardAnnouncement", now);
            periods.schedule(tender, "resultChallengeWindow", now);
            losersHold = bids.ofRound(tenderId, tender.round()).stream()
                    .anyMatch(b -> b.holdsBond() && b.bondRefundedAt() == null && !b.id().equals(winner));
            if (losersHold) {
                OffsetDateTime due = periods.schedule(tender, "losersBondRefund", now);
                bids.bondsDue(tenderId, tender.round(), due.toInstant(), b -> !b.id().equals(winner));
            }
        }
        return losersHold;
    }
}
