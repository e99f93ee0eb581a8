package io.huitong.lifecycle;

import io.huitong.bidding.BidService;
import io.huitong.rules.DecisionRecords;
import io.huitong.shared.time.LegalClock;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderTimeline;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;

/**
 * When a round fails ({@code tender-lifecycle.bpmn}, {@code tender-after-failure.bpmn}): the failure and its
 * reason, the round's bonds falling due, a new round with the dates the rules accepted, or the end of this
 * procedure when another method is approved.
 */
@Service
public class FailureStage {

    private final TenderService tenders;
    private final TenderTimeline timeline;
    private final LegalPeriods periods;
    private final BidService bids;
    private final LegalClock clock;
    private final DecisionRecords decisionRecords;
    private final BiddingStage bidding;

    FailureStage(TenderService tenders, TenderTimeline timeline, LegalPeriods periods, BidService bids,
            LegalClock clock, DecisionRecords decisionRecords, BiddingStage bidding) {
        this.tenders = tenders;
        this.timeline = timeline;
        this.periods = periods;
        this.bids = bids;
        this.clock = clock;
        this.decisionRecords = decisionRecords;
        this.bidding = bidding;
    }

    /**
     * Failed (流标, 废标): the reason and its article; the round's bonds are to be refunded.
     *
     * @param evaluationOutcome the evaluation's outcome, when it got that far ({@code ALL_REJECTED},
     *        {@code INSUFFICIENT})
     * @param validBidCount the valid bids after the opening, when it got that far
     * @param bidCount the bids at the deadline
     */
    public void fail(String tenderId, String evaluationOutcome, Integer validBidCount, Integer bidCount) {
        Tender tender = tenders.get(tenderId);
        boolean reserved = tenders.decisions(tender).smeReserved();
        Tender.FailureKind kind = failureKind(evaluationOutcome, validBidCount, reserved);
        String reason = periods.failureReason(tender,
                new FailureFacts(periods.facts(tender).law(), kind, validBidCount, bidCount)).text();
        tenders.change(tenderId, t -> t.fail(kind, reason));
        timeline.cancelOpen(tenderId, tender.round());
        if (bids.ofRound(tenderId, tender.round()).stream().anyMatch(b -> b.holdsBond() && b.bondRefundedAt() == null)) {
            OffsetDateTime due = periods.schedule(tender, "failedRoundRefund", clock.instant());
            bids.bondsDue(tenderId, tender.round(), due.toInstant(), b -> true);
        }
    }

    private static Tender.FailureKind failureKind(String outcome, Integer validBidCount, boolean reserved) {
        if ("ALL_REJECTED".equals(outcome)) {
            return Tender.FailureKind.ALL_REJECTED;
        }
        if ("INSUFFICIENT".equals(outcome)) {
            return reserved ? Tender.FailureKind.RESERVATION_UNFILLED : Tender.FailureKind.TOO_FEW_QUALIFIED;
        }
        return validBidCount != null ? Tender.FailureKind.TOO_FEW_VALID : Tender.FailureKind.TOO_FEW_BIDS;
    }

    /**
     * A new round: the new dates and the decisions the rules took for them when the purchaser asked for it.
     * Returns the new round's number.
     */
    public int startRound(String tenderId, LocalDate issue, OffsetDateTime deadline, String decisionId) {
        String decisions = decisionRecords.get(decisionId).outputs().toString();
        Tender tender = tenders.change(tenderId, t -> t.retender(issue, deadline, decisions));
        bidding.scheduleIssue(tender);
        return tender.round();
    }

    /** Another method approved after the failure: this procedure ends (GPL 37; O87 43; A14). */
    public void changeMethod(String tenderId, String method, String reason) {
        tenders.change(tenderId, t -> t.changeMethod("变更为" + ProcurementMethod.valueOf(method) + "：" + reason));
    }
}
