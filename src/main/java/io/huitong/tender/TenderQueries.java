package io.huitong.tender;

import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.tender.registration.RegistrationDecision;
import io.huitong.shared.workflow.TaskActions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads tenders for the API. */
@Service
public class TenderQueries {

    private final Tenders tenders;
    private final TenderService tenderService;
    private final ApprovalService approvals;
    private final DecisionRecords decisionRecords;
    private final TenderTimeline timeline;
    private final TaskActions tasks;
    private final Clock clock;

    TenderQueries(Tenders tenders, TenderService tenderService, ApprovalService approvals,
            DecisionRecords decisionRecords, TenderTimeline timeline, TaskActions tasks, Clock clock) {
        this.tenders = tenders;
        this.tenderService = tenderService;
        this.approvals = approvals;
        this.decisionRecords = decisionRecords;
        this.timeline = timeline;
        this.tasks = tasks;
        this.clock = clock;
    }

    public TenderView view(String id) {
        return view(tenders.get(id));
    }

    public TenderView view(Tender t) {
        RegistrationDecision decisions = tenderService.decisions(t);
        List<TenderView.Step> steps = approvals.steps(t.id()).stream()
                .map(s -> new TenderView.Step(s.stepNo(), s.candidateGroup(), s.approved(), s.comment(),
                        s.decidedBy(), s.decidedAt()))
                .toList();
        TenderView.OpenStep open = t.status() != TenderStatus.PENDING_APPROVAL ? null : approvals.openStep(t)
                .map(o -> new TenderView.OpenStep(o.stepNo(), o.candidateGroup(), o.taskId(), o.name()))
                .orElse(null);
        return new TenderView(t.id(), t.title(), t.status(), t.status().label(), t.regime(), t.category(),
                t.serviceKind(), t.procurementMethod(), t.estimatedAmount(), t.regionCode(), t.documentIssueDate(),
                t.bidDeadline(), t.ruleSetVersion(), t.registrationDecisionId(), decisions,
                new TenderView.Approval(decisions.approvalRoute(), steps, open), t.returnReason(), t.registeredAt(),
                t.registeredBy(), t.round(), t.outcomeReason(), t.winnerBidId(), deadlines(t.id()), openTasks(t.id()));
    }

    private List<TenderView.Deadline> deadlines(String tenderId) {
        Instant now = clock.instant();
        return timeline.of(tenderId).stream()
                .filter(d -> d.state() != TenderTimeline.State.CANCELLED)
                .map(d -> new TenderView.Deadline(d.round(), d.name(), d.label(), d.dueAt(),
                        d.length() == null ? null : d.dueAt().minusNanos(1).toLocalDate(), d.length(), d.unit(),
                        d.citation(), d.rule(), d.state(),
                        d.state() == TenderTimeline.State.OPEN && !now.isBefore(d.dueAt().toInstant())))
                .toList();
    }

    private List<TenderView.OpenTask> openTasks(String tenderId) {
        return tasks.open(tenderId).stream()
                .map(task -> new TenderView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                        task.getAssignee(), tasks.candidateGroups(task.getId()), task.getDueDate(),
                        task.getProcessDefinitionId().split(":")[0]))
                .toList();
    }

    /** Every decision recorded for a tender, oldest first. */
    public List<DecisionRecord> decisions(String id) {
        tenders.get(id);
        return decisionRecords.ofTender(id);
    }
}
