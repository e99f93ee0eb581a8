package io.huitong.evaluation;

import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The members sign the evaluation report, agreeing or dissenting with written reasons (TBR 53); a refusal to sign
 * without reasons counts as agreement (R12 45).
 */
@Component
class ReportSigning {

    private final TenderService tenders;
    private final Committee committee;
    private final Committees committees;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RuleSetRegistry ruleSets;

    ReportSigning(TenderService tenders, Committee committee, Committees committees, TaskActions tasks,
            TransactionTemplate transactions, Clock clock, RuleSetRegistry ruleSets) {
        this.ruleSets = ruleSets;
        this.tenders = tenders;
        this.committee = committee;
        this.committees = committees;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A member signs, agreeing, or dissenting with written reasons; completes that member's signing task. */
    void sign(String tenderId, boolean agree, String dissent, Operator operator) {
        if (!agree && (dissent == null || dissent.isBlank())) {
            throw new ValidationException(List.of(ruleSets.notice(EvaluationNotices.DISSENT_REASONS)
                    .violation("dissent", "validation.reasons", null, dissent)));
        }
        transactions.executeWithoutResult(s -> {
            CommitteeMember member = committee.member(tenders.get(tenderId), operator.userId());
            committees.sign(member.id(), agree ? null : dissent.strip(), clock.instant());
            tasks.complete(tenderId, Evaluation.SIGN_REPORT, operator, Map.of());
        });
    }

    /** A member signed by completing the task without the API: agreement (R12 45). */
    void signedByCompletion(Tender tender, String userId) {
        CommitteeMember member = committee.member(tender, userId);
        if (!committees.signed(member.id())) {
            committees.sign(member.id(), null, clock.instant());
        }
    }

    /** The user ids of the sitting members who have not signed the report. */
    List<String> yetToSign(String tenderId) {
        return committee.of(tenderId).stream().filter(m -> m.signedAt() == null).map(CommitteeMember::userId)
                .toList();
    }
}
