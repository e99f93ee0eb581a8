package io.huitong.bidding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Bonds paid back after they fell due: the refund rules set the late fee (O87 38), recorded with the decision. */
@Component
class LateFees {

    static final String BOND_REFUND = "BOND_REFUND";

    private final Bids bids;
    private final TenderService tenders;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final ObjectMapper json;

    LateFees(Bids bids, TenderService tenders, RuleSetRegistry ruleSets, DecisionRecords decisionRecords,
            ObjectMapper json) {
        this.bids = bids;
        this.tenders = tenders;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.json = json;
    }

    /** The bond of {@code bid} refunded {@code now}, after it fell due: how late, under the tender's rate. */
    LateRefund lateRefund(String tenderId, Bid bid, Instant now) {
        Tender tender = tenders.get(tenderId);
        long days = ChronoUnit.DAYS.between(bid.bondRefundDue().atZone(LegalClock.CHINA).toLocalDate(),
                now.atZone(LegalClock.CHINA).toLocalDate());
        return new LateRefund(tenders.decisions(tender).applicableLaw(), bid.id(), bid.bondForm(), bid.bondAmount(),
                days, ruleSets.version(tender.ruleSetVersion()).policy().parameters()
                        .on(tender.bidDeadlineDate()).amount("refund.late-fee.annual-rate"));
    }

    /** Charges the fees the rules set for these late refunds, and records the decision. */
    void charge(String tenderId, List<LateRefund> late, Instant now) {
        Tender tender = tenders.get(tenderId);
        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
        RuleSet.Evaluation evaluation = ruleSet.evaluate(tender.bidDeadlineDate(), new ArrayList<>(late));
        List<LateFee> fees = evaluation.all(LateFee.class);
        for (LateFee fee : fees) {
            bids.save(bids.lock(tenderId, fee.bidId()).chargeLateFee(fee.amount(), fee.by().citation()));
        }
        ObjectNode inputs = json.createObjectNode();
        inputs.set("refunds", json.valueToTree(late));
        ObjectNode outputs = json.createObjectNode();
        outputs.set("lateFees", json.valueToTree(fees));
        Operator operator = Operator.current();
        decisionRecords.save(new DecisionRecord(UUID.randomUUID().toString(), BOND_REFUND,
                DecisionRecord.Outcome.ACCEPTED, false, tenderId, ruleSet.version(), now, operator.userId(),
                operator.address(), inputs, outputs, evaluation.firedRules(), List.of()));
    }
}
