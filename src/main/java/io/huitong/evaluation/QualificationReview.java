package io.huitong.evaluation;

import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The committee's qualification and compliance review (H1, H3): the bids it rejects with their reasons and
 * articles; whether enough bids qualified, as {@code rules/evaluation/minimum-qualified.drl} decides (H8, H9); and,
 * with too few under the Tendering Law, whether it rejects them all (H8; R12 27).
 */
@Component
class QualificationReview {

    private final TenderService tenders;
    private final BidService bids;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final RuleSetRegistry ruleSets;

    QualificationReview(TenderService tenders, BidService bids, TaskActions tasks, TransactionTemplate transactions,
            RuleSetRegistry ruleSets) {
        this.tenders = tenders;
        this.bids = bids;
        this.tasks = tasks;
        this.transactions = transactions;
        this.ruleSets = ruleSets;
    }

    /**
     * The chair records the review: the bids rejected, each with its reason and article. The number of qualified
     * bids decides the next step (H8, H9; SME46 10).
     */
    int review(String tenderId, List<Evaluation.Rejection> rejections, Operator operator) {
        return transactions.execute(s -> {
            Tender tender = tenders.get(tenderId);
            for (Evaluation.Rejection r : rejections) {
                if (r.reason() == null || r.reason().isBlank() || r.citation() == null || r.citation().isBlank()) {
                    throw new ValidationException(List.of(Violation.of("rejections", "validation.reasons", null, null,
                            r.bidId(), "否决投标须写明理由和依据", "A rejection gives its reason and article")));
                }
                bids.reject(tenderId, r.bidId(), r.reason(), r.citation());
            }
            tasks.complete(tenderId, Evaluation.REVIEW, operator, Map.of());
            return qualified(tender);
        });
    }

    /** The bids still qualified in the current round (only SMEs bid on a reserved package, SME46 8). */
    int qualified(Tender tender) {
        return (int) bids.ofRound(tender.id(), tender.round()).stream().filter(b -> b.status() == BidStatus.VALID)
                .count();
    }

    /**
     * Whether the bids still qualified are too few to evaluate, as the tender's rule set decides
     * ({@code minimum-qualified.drl}); empty when there are enough.
     */
    java.util.Optional<TooFewQualified> tooFew(Tender tender) {
        QualifiedBids facts = new QualifiedBids(tenders.decisions(tender).applicableLaw(), qualified(tender));
        return ruleSets.version(tender.ruleSetVersion()).evaluate(tender.bidDeadlineDate(), List.of(facts))
                .all(TooFewQualified.class)
                .stream().findFirst();
    }

    /** Tendering Law, too few valid bids: the committee may reject them all (H8; R12 27). */
    void decideRejectAll(String tenderId, boolean rejectAll, String reason, Operator operator) {
        tasks.complete(tenderId, Evaluation.DECIDE_REJECT_ALL, operator, Variables.createVariables()
                .putValue("rejectAll", rejectAll).putValue("rejectAllReason", reason));
    }

    /** Checks a reject-all decision, however it was made (the task's completion). */
    void checkRejectAll(Tender tender, Object rejectAll, Object reason) {
        if (!(rejectAll instanceof Boolean decision)) {
            throw new ValidationException(List.of(Violation.of("rejectAll", "validation.NotNull", null,
                    "true | false", rejectAll, "请选择是否否决全部投标", "Reject every bid or go on: choose one")));
        }
        if (!decision && qualified(tender) == 0) {
            throw new ValidationException(List.of(ruleSets.notice(EvaluationNotices.REJECT_ALL_NO_VALID_BID)
                    .violation("rejectAll", "validation.no-valid-bid", true, false)));
        }
        if (decision && (!(reason instanceof String r) || r.isBlank())) {
            throw new ValidationException(List.of(ruleSets.notice(EvaluationNotices.REJECT_ALL_REASONS)
                    .violation("reason", "validation.reasons", null, null)));
        }
    }
}
