package io.huitong.bidding;

import io.huitong.guarantee.ElectronicGuarantees;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.tender.BondForm;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bid bonds back to their bidders (TBR 35, 57; O87 38): the lifecycle says when they fall due, a refund task or
 * finance confirms them refunded (an e-guarantee surrendered to its provider), a refund after the due date bears a
 * late fee ({@link LateFees}).
 */
@Service
public class BondRefunds {

    private final Bids bids;
    private final TenderService tenders;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final ApplicationEventPublisher events;
    private final ElectronicGuarantees guarantees;
    private final LateFees lateFees;
    private final RuleSetRegistry ruleSets;

    BondRefunds(Bids bids, TenderService tenders, TransactionTemplate transactions, LegalClock clock,
            ApplicationEventPublisher events, ElectronicGuarantees guarantees, LateFees lateFees,
            RuleSetRegistry ruleSets) {
        this.ruleSets = ruleSets;
        this.bids = bids;
        this.tenders = tenders;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
        this.guarantees = guarantees;
        this.lateFees = lateFees;
    }

    /** Schedules the refund of every bond of the round still held and not yet scheduled by {@code which}. */
    void fallDue(String tenderId, int round, Instant due, Predicate<Bid> which) {
        for (Bid held : bids.ofRound(tenderId, round).stream().filter(Bid::bondStillHeld).filter(which).toList()) {
            Bid bid = bids.lock(tenderId, held.id());
            if (bid.bondStillHeld()) {
                bids.save(bid.bondFallsDue(due));
            }
        }
    }

    /** Bonds refunded (by a refund task, which has checked that they fell due). */
    void refunded(String tenderId, List<String> bidIds) {
        Instant now = clock.instant();
        List<LateRefund> late = new ArrayList<>();
        for (String bidId : bidIds) {
            Bid held = bids.lock(tenderId, bidId);
            if (!held.bondStillHeld()) {
                continue;
            }
            Bid bid = held.refundBond(now);
            bids.save(bid);
            if (bid.bondRefundDue() != null && now.isAfter(bid.bondRefundDue())) {
                late.add(lateFees.lateRefund(tenderId, bid, now));
            }
            if (bid.bondForm() == BondForm.E_GUARANTEE && bid.bondGuaranteeNo() != null) {
                // an e-guarantee comes back by its surrender to the provider (退保, C17)
                guarantees.surrender(bid.bondGuaranteeNo(), "投标保证金退还 / The bond is due back");
            }
        }
        if (!late.isEmpty()) {
            lateFees.charge(tenderId, late, now);
        }
    }

    /**
     * Refunds confirmed by finance outside a task: every bond named must exist, hold a bond not yet refunded
     * and have fallen due; otherwise nothing is recorded.
     */
    public List<Bid> confirm(String tenderId, List<String> bidIds, Operator operator) {
        return transactions.execute(status -> {
            List<Violation> refused = new ArrayList<>();
            for (String bidId : bidIds) {
                Bid bid = bids.get(tenderId, bidId);
                if (!bid.holdsBond() || bid.bondRefundedAt() != null || bid.bondRefundDue() == null) {
                    refused.add(ruleSets.notice(BiddingNotices.REFUND_NOT_DUE)
                            .violation("bidIds", "validation.refund-due", null, bidId));
                }
            }
            if (!refused.isEmpty()) {
                throw new ValidationException(refused);
            }
            refunded(tenderId, bidIds);
            // a refund step whose every bond is now refunded is done (the lifecycle listens)
            events.publishEvent(new BondsRefunded(tenderId, List.copyOf(bidIds), operator));
            return due(tenderId);
        });
    }

    /**
     * Bonds fallen due for refund and not yet refunded, as finance and the centre are told: never a sealed bid of a
     * round still bidding (nobody learns who bids before the opening, TBL 22; EB20 27), only bonds of bids opened,
     * withdrawn, of a failed round or of a terminated tender.
     */
    List<Bid> due(String tenderId) {
        Tender tender = tenders.get(tenderId);
        boolean sealedRound = EnumSet.of(TenderStatus.APPROVED, TenderStatus.BIDDING, TenderStatus.SUSPENDED,
                TenderStatus.CLOSED).contains(tender.status());
        return stillHeld(tenderId).stream().filter(b -> b.bondRefundDue() != null)
                .filter(b -> !(sealedRound && b.round() == tender.round() && b.status() == BidStatus.SUBMITTED))
                .toList();
    }

    /** Bonds of the tender still to be refunded (all of them, sealed or not: for the lifecycle, never answered). */
    List<Bid> stillHeld(String tenderId) {
        return bids.ofTender(tenderId).stream().filter(Bid::bondStillHeld).toList();
    }
}
