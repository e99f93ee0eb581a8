package io.huitong.bidding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.credit.CreditRegistry;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.Violation;
import io.huitong.tender.BondForm;
import io.huitong.tender.RegistrationRequest;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import io.huitong.tender.registration.RegistrationDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives, opens and keeps bids. A bid is decided by the rules of the tender's rule-set version at
 * submission — deadline, suspension, bond, the bidder's eligibility — and every decision is recorded. At the
 * opening the checks that concern several bidders invalidate every bid involved.
 */
@Service
public class BidService {

    static final String SUBMISSION = "BID_SUBMISSION";
    static final String OPENING = "BID_OPENING";

    private final Bids bids;
    private final TenderService tenders;
    private final CreditRegistry credit;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    BidService(Bids bids, TenderService tenders, CreditRegistry credit, RuleSetRegistry ruleSets,
            DecisionRecords decisionRecords, TransactionTemplate transactions, LegalClock clock, ObjectMapper json,
            ApplicationEventPublisher events) {
        this.events = events;
        this.bids = bids;
        this.tenders = tenders;
        this.credit = credit;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Submits (or, before the deadline, replaces) a bidder's bid.
     *
     * @throws RuleRefusalException when the rules refuse it (the decision record is kept)
     */
    public Bid submit(String tenderId, BidRequest request, Operator operator) {
        Instant now = clock.instant();
        Tender tender = tenders.get(tenderId);
        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
        RegistrationRequest registration = tenders.registration(tender);
        RegistrationDecision decisions = tenders.decisions(tender);
        List<String> parties = new ArrayList<>();
        parties.add(request.bidderId());
        request.members().stream().filter(m -> !parties.contains(m)).forEach(parties::add);
        BidFacts facts = new BidFacts(decisions.applicableLaw(), tender.regime(), decisions.mustTender(),
                tender.status().name(), request.bidderId(), List.copyOf(parties), request.bond(), request.price(),
                now, tender.bidDeadline().toInstant(), now.atZone(LegalClock.CHINA).toLocalDate(),
                registration.agencyId(), request.smeSize(), decisions.smeReserved());
        Set<BondForm> allowed = decisions.bidBond().allowedForms().isEmpty() ? EnumSet.noneOf(BondForm.class)
                : EnumSet.copyOf(decisions.bidBond().allowedForms());
        BondRequirement requirement = new BondRequirement(decisions.bidBond().required(),
                registration.bidBondAmount(), allowed);
        List<Object> input = new ArrayList<>(List.of(facts, requirement));
        input.addAll(credit.recordsOf(parties));
        RuleSet.Evaluation evaluation = ruleSet.evaluate(input);
        List<Violation> violations = evaluation.all(Refusal.class).stream().map(Refusal::violation).toList();

        ObjectNode inputs = json.createObjectNode();
        inputs.set("bid", json.valueToTree(request));
        inputs.set("facts", json.valueToTree(facts));
        inputs.set("bondRequirement", json.valueToTree(requirement));
        inputs.set("creditRecords", json.valueToTree(input.subList(2, input.size())));
        DecisionRecord record = new DecisionRecord(UUID.randomUUID().toString(), SUBMISSION,
                violations.isEmpty() ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED, false,
                tenderId, ruleSet.version(), now, operator.userId(), operator.address(), inputs,
                json.createObjectNode().put("round", tender.round()), evaluation.firedRules(), violations);
        if (!violations.isEmpty()) {
            transactions.executeWithoutResult(status -> decisionRecords.save(record));
            throw new RuleRefusalException(violations, record.id(), ruleSet.version());
        }
        return transactions.execute(status -> {
            // the tender row is locked: bidding cannot close between this check and the insert
            Tender locked = tenders.lock(tenderId);
            if (locked.status() != TenderStatus.BIDDING || !now.isBefore(locked.bidDeadline().toInstant())) {
                throw new ConflictException("投标已截止或暂停 / Bidding closed or was suspended meanwhile");
            }
            decisionRecords.save(record);
            bids.replaceSubmitted(tenderId, locked.round(), request.bidderId());
            Bond bond = request.bond();
            Bid bid = new Bid(UUID.randomUUID().toString(), tenderId, locked.round(), request.bidderId(),
                    request.bidderName().strip(), request.price(), bond == null ? null : bond.form(),
                    bond == null ? null : bond.amount(), bond == null ? null : bond.payerAccount(),
                    bond == null ? null : bond.guaranteeNo(), request.smeSize(), request.members(),
                    request.legalRepresentative().strip(), request.legalRepresentativeIdNo(), request.projectManager(),
                    request.contactPerson(), now,
                    operator.userId(), BidStatus.SUBMITTED, null, null, null, null, null, null, null, null, null,
                    record.id());
            bids.insert(bid);
            return bid;
        });
    }

    /** A bidder withdraws its bid before the deadline (TBL 29); a bond is refunded within 5 days (TBR 35). */
    public Bid withdraw(String tenderId, String bidId) {
        return transactions.execute(status -> {
            Tender tender = tenders.lock(tenderId);
            Bid bid = bid(tenderId, bidId);
            if (bid.status() != BidStatus.SUBMITTED || tender.status() != TenderStatus.BIDDING
                    || !clock.instant().isBefore(tender.bidDeadline().toInstant())) {
                throw new ConflictException("投标截止后不能撤回 / A bid can be withdrawn only before the deadline");
            }
            bids.status(bidId, BidStatus.WITHDRAWN, null, null);
            if (bid.holdsBond()) {
                events.publishEvent(new BidWithdrawn(tenderId, bidId));
            }
            return bids.find(bidId).orElseThrow();
        });
    }

    /** The bid, if it belongs to the tender. */
    public Bid bid(String tenderId, String bidId) {
        return bids.find(bidId).filter(b -> b.tenderId().equals(tenderId))
                .orElseThrow(() -> new NotFoundException("投标不存在 / No bid " + bidId));
    }

    /** The bids of the tender's current round still standing at the deadline. */
    public List<Bid> submitted(String tenderId, int round) {
        return bids.ofRound(tenderId, round).stream().filter(b -> b.status() == BidStatus.SUBMITTED).toList();
    }

    /** Every bid of the round. */
    public List<Bid> ofRound(String tenderId, int round) {
        return bids.ofRound(tenderId, round);
    }

    /** Every bid of every round of the tender. */
    public List<Bid> ofTender(String tenderId) {
        return bids.ofTender(tenderId);
    }

    /**
     * Opens the round's bids: the checks concerning several bidders invalidate every bid involved; the others
     * become valid. Returns the valid bids. Runs in the caller's transaction.
     */
    public List<Bid> open(String tenderId, int round) {
        Tender tender = tenders.get(tenderId);
        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
        RegistrationDecision decisions = tenders.decisions(tender);
        List<Bid> opened = submitted(tenderId, round);
        List<Object> input = new ArrayList<>();
        List<String> parties = new ArrayList<>();
        for (Bid bid : opened) {
            input.add(new OpenedBid(decisions.applicableLaw(), bid.id(), bid.bidderId(), bid.bidderName(),
                    bid.parties(), bid.consortiumMembers(), bid.legalRepresentative(), bid.legalRepresentativeIdNo()));
            parties.addAll(bid.parties());
        }
        input.addAll(credit.relationsAmong(parties));
        RuleSet.Evaluation evaluation = ruleSet.evaluate(input);
        Map<String, BidInvalidated> invalid = new LinkedHashMap<>();
        evaluation.all(BidInvalidated.class).forEach(i -> invalid.putIfAbsent(i.bidId(), i));
        for (Bid bid : opened) {
            BidInvalidated why = invalid.get(bid.id());
            if (why == null) {
                bids.status(bid.id(), BidStatus.VALID, null, null);
            } else {
                bids.status(bid.id(), BidStatus.INVALID, why.reasonZh() + " / " + why.reasonEn(), why.by().citation());
            }
        }
        ObjectNode inputs = json.createObjectNode();
        inputs.set("bids", json.valueToTree(input));
        List<Violation> found = invalid.values().stream()
                .map(i -> Violation.of("bid:" + i.bidId(), i.by().rule(), i.by().citation(), null, i.bidId(),
                        i.reasonZh(), i.reasonEn()))
                .toList();
        decisionRecords.save(new DecisionRecord(UUID.randomUUID().toString(), OPENING,
                DecisionRecord.Outcome.ACCEPTED, false, tenderId, ruleSet.version(), clock.instant(), "system", null,
                inputs, json.createObjectNode().put("round", round).put("opened", opened.size())
                        .put("valid", opened.size() - invalid.size()),
                evaluation.firedRules(), found));
        return bids.ofRound(tenderId, round).stream().filter(b -> b.status() == BidStatus.VALID).toList();
    }

    /** A bid rejected in the committee's review (H1, H3), with the reason and its article. */
    public void reject(String tenderId, String bidId, String reason, String citation) {
        Bid bid = bid(tenderId, bidId);
        if (bid.status() != BidStatus.VALID) {
            throw new ConflictException("只能否决有效投标 / Only a valid bid can be rejected");
        }
        bids.status(bidId, BidStatus.INVALID, reason, citation, "REVIEW");
    }

    /**
     * A committee dismissed (a postponed remote evaluation, J9, J10; a committee that cannot be completed,
     * O87 49): the bids it rejected are valid again and its scores gone, for the new committee to evaluate.
     */
    public void resetReview(String tenderId, int round) {
        bids.resetReview(tenderId, round);
    }

    /** Evaluation results of a bid. */
    public void score(String bidId, java.math.BigDecimal evaluatedPrice, java.math.BigDecimal priceScore,
            java.math.BigDecimal technicalScore, java.math.BigDecimal totalScore, Integer rank) {
        bids.scores(bidId, evaluatedPrice, priceScore, technicalScore, totalScore, rank);
    }

    /** Schedules the refund of every bond of the round not yet refunded or scheduled. */
    public void bondsDue(String tenderId, int round, Instant due, java.util.function.Predicate<Bid> which) {
        bids.ofRound(tenderId, round).stream().filter(Bid::holdsBond).filter(b -> b.bondRefundedAt() == null)
                .filter(which).forEach(b -> bids.refundDue(b.id(), due));
    }

    /** Bonds refunded (by a refund task, which has checked that they fell due). */
    public void refunded(String tenderId, List<String> bidIds) {
        Instant now = clock.instant();
        for (String bidId : bidIds) {
            Bid bid = bid(tenderId, bidId);
            if (bid.holdsBond() && bid.bondRefundedAt() == null) {
                bids.refunded(bidId, now);
            }
        }
    }

    /**
     * Refunds confirmed by finance outside a task: every bond named must exist, hold a bond not yet refunded
     * and have fallen due; otherwise nothing is recorded.
     */
    public List<Bid> confirmRefunds(String tenderId, List<String> bidIds) {
        return transactions.execute(status -> {
            List<Violation> refused = new ArrayList<>();
            for (String bidId : bidIds) {
                Bid bid = bid(tenderId, bidId);
                if (!bid.holdsBond() || bid.bondRefundedAt() != null || bid.bondRefundDue() == null) {
                    refused.add(Violation.of("bidIds", "validation.refund-due", "TBR 35, 57; O87 38", null, bidId,
                            "该投标无待退还的保证金", "This bid holds no bond due for refund"));
                }
            }
            if (!refused.isEmpty()) {
                throw new io.huitong.shared.web.ValidationException(refused);
            }
            refunded(tenderId, bidIds);
            return bondsToRefund(tenderId);
        });
    }

    /** Whether the round's bids were opened: only then may anyone read them (TBL 22; EB20 27). */
    public boolean opened(String tenderId, int round) {
        return bids.ofRound(tenderId, round).stream()
                .anyMatch(b -> b.status() == BidStatus.VALID || b.status() == BidStatus.INVALID);
    }

    /** Bonds of the tender still to be refunded. */
    public List<Bid> bondsToRefund(String tenderId) {
        return bids.ofTender(tenderId).stream().filter(Bid::holdsBond).filter(b -> b.bondRefundedAt() == null)
                .toList();
    }
}
