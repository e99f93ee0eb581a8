package io.huitong.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.bidding.CollusionFlag;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The committee's decisions on the collusion flags raised at the opening (TBR 40; O87 37): the chair records each
 * with its reasons; what a confirmation means — which bids are rejected, under which article, and to whom the case
 * is reported in writing — is the rules' ({@code rules/evaluation/collusion-report.drl}).
 */
@Service
public class CollusionDecisions {

    private final TenderService tenders;
    private final BidService bids;
    private final Committee committee;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ObjectMapper json;

    CollusionDecisions(TenderService tenders, BidService bids, Committee committee, RuleSetRegistry ruleSets,
            DecisionRecords decisionRecords, TaskActions tasks, TransactionTemplate transactions, Clock clock,
            ObjectMapper json) {
        this.tenders = tenders;
        this.bids = bids;
        this.committee = committee;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /** The collusion flags raised at the opening of the current round, open and decided. */
    public List<CollusionFlag> collusionFlags(String tenderId) {
        Tender tender = tenders.get(tenderId);
        return bids.collusionFlags(tenderId, tender.round());
    }

    /**
     * The chair records the committee's decision on a collusion flag, during the qualification review, with its
     * reasons. Confirmed, the bids involved are rejected (TBR 51(七); O87 36) and the case is reported in writing to
     * the authority the rules name (the finance department in government procurement, O87 36); dismissed, they stay. A flag for judgment (a matching file-creator id) is never a rejection by
     * itself: only the committee's confirmation makes it one. Recorded as a decision.
     */
    public CollusionFlag decideCollusion(String tenderId, String flagId, Boolean confirmed,
            String reason, Operator operator) {
        return transactions.execute(s -> {
            Tender tender = tenders.get(tenderId);
            CollusionFlag flag = bids.collusionFlag(tenderId, flagId);
            if (flag.round() != tender.round() || tasks.open(tenderId, Evaluation.REVIEW).isEmpty()) {
                throw new ConflictException(
                        "串通标记在资格审查中由评标委员会决定 / Collusion flags are decided during the committee's review");
            }
            if (!operator.userId().equals(committee.chair(tenderId))) {
                throw new org.springframework.security.access.AccessDeniedException(
                        "由评标委员会主任委员记录委员会的决定 / The chair records the committee's decision");
            }
            if (!flag.isOpen()) {
                throw new ConflictException(
                        "该串通标记已有决定 / The committee has decided this flag already");
            }
            List<Violation> invalid = new ArrayList<>();
            if (confirmed == null) {
                invalid.add(Violation.of("confirmed", "validation.NotNull", flag.citation(), "true | false", null,
                        "请决定是否认定串通投标", "Confirm or dismiss the flag"));
            }
            if (reason == null || reason.isBlank()) {
                invalid.add(Violation.of("reason", "validation.reasons", flag.citation(), null, reason,
                        "评标委员会的决定须写明理由", "The committee's decision gives its reasons"));
            }
            if (!invalid.isEmpty()) {
                throw new ValidationException(invalid);
            }
            RuleSet.Evaluation consequences = ruleSets.version(tender.ruleSetVersion()).evaluate(tender.bidDeadlineDate(), List.of(
                    new ConfirmedCollusion(tenders.decisions(tender).applicableLaw(), flag.citation())));
            // a case of its own article (one legal representative, TBR 34) is invalid but no collusion: no report
            InvalidWithoutCollusion notCollusion = consequences.all(InvalidWithoutCollusion.class).stream()
                    .findFirst().orElse(null);
            List<CollusionReportRecipient> recipients = consequences.all(CollusionReportRecipient.class);
            if (notCollusion == null ? recipients.size() != 1 : !recipients.isEmpty()) {
                throw new IllegalStateException("rule set " + tender.ruleSetVersion() + " names " + recipients.size()
                        + " recipients of a report for flag " + flag.citation() + " of tender " + tenderId);
            }
            CollusionReportRecipient recipient = notCollusion == null ? recipients.get(0) : null;
            String rejection = notCollusion != null ? flag.citation()
                    : flag.citation() + "; " + recipient.by().citation();
            String rejectionReason = notCollusion != null ? notCollusion.reasonZh() + " / " + notCollusion.reasonEn()
                    : "评标委员会认定串通投标 / The committee found collusion";
            List<String> rejected = new ArrayList<>();
            if (confirmed) {
                for (String bidId : flag.bidIds()) {
                    if (bids.bid(tenderId, bidId).status() == BidStatus.VALID) {
                        bids.reject(tenderId, bidId, rejectionReason + ": " + reason.strip(), rejection);
                        rejected.add(bidId);
                    }
                }
            }
            bids.decideCollusion(flagId, confirmed, reason.strip(), operator.userId(),
                    recipient == null ? null : recipient.group(), recipient == null ? null : recipient.by().citation());
            CollusionFlag decided = bids.collusionFlag(tenderId, flagId);
            ObjectNode inputs = json.createObjectNode();
            inputs.set("flag", json.valueToTree(flag));
            inputs.put("confirmed", confirmed).put("reason", reason.strip());
            ObjectNode outputs = json.createObjectNode().put("citation", confirmed ? rejection : flag.citation());
            if (confirmed && recipient != null) {
                outputs.put("reportedTo", recipient.group())
                        .put("reportedToLabel", recipient.labelZh() + " / " + recipient.labelEn())
                        .put("reportCitation", recipient.by().citation());
            }
            outputs.set("rejectedBids", json.valueToTree(rejected));
            decisionRecords.save(new DecisionRecord(UUID.randomUUID().toString(), "COLLUSION_DECISION",
                    DecisionRecord.Outcome.ACCEPTED, false, tenderId, tender.ruleSetVersion(), clock.instant(),
                    operator.userId(), operator.address(), inputs, outputs, confirmed ? consequences.firedRules() : List.of(), List.of()));
            return decided;
        });
    }

    /** Every collusion flag decided before the review is done, however the task was completed. */
    void checkCollusionDecided(Tender tender) {
        List<String> open = bids.collusionFlags(tender.id(), tender.round()).stream()
                .filter(CollusionFlag::isOpen).map(CollusionFlag::id).toList();
        if (!open.isEmpty()) {
            throw new ValidationException(List.of(ruleSets.notice(EvaluationNotices.COLLUSION_UNDECIDED,
                    "door", "POST /collusion-flags/{id}/decision")
                    .violation("collusionFlags", "validation.collusion-undecided", null, open)));
        }
    }
}
