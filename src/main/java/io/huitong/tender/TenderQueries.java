package io.huitong.tender;

import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.DecisionSealing;
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
    private final List<DecisionSealing> sealing;

    TenderQueries(Tenders tenders, TenderService tenderService, ApprovalService approvals,
            DecisionRecords decisionRecords, TenderTimeline timeline, TaskActions tasks, Clock clock,
            List<DecisionSealing> sealing) {
        this.sealing = sealing;
        this.tenders = tenders;
        this.tenderService = tenderService;
        this.approvals = approvals;
        this.decisionRecords = decisionRecords;
        this.timeline = timeline;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Due dates that call for an act; the others are windows, which simply pass. */
    private static final java.util.Set<String> ACTIONS = java.util.Set.of("objectionAnswer", "publicityObjectionAnswer",
            "winnerDetermination", "contract", "supervisorReport", "contractPublication", "contractFiling",
            "losersBondRefund", "bondRefund", "failedRoundRefund", "terminationRefund", "withdrawalRefund");

    public TenderView view(String id) {
        return view(tenders.get(id), null);
    }

    public TenderView view(String id, String userId) {
        return view(tenders.get(id), userId);
    }

    public TenderView view(Tender t) {
        return view(t, null);
    }

    /**
     * The tender as this user may see it: until the winner is determined, who sits on the committee stays
     * confidential (TBL 37; O87 47) except to centre clerks, administrators and the assignee; the open steps are
     * those the user may act on (all of them to administrators and supervisors), the open approval step also to
     * the tenderer. A null user is the application itself.
     */
    public TenderView view(Tender t, String userId) {
        RegistrationDecision decisions = tenderService.decisions(t);
        List<TenderView.Step> steps = approvals.steps(t.id()).stream()
                .map(s -> new TenderView.Step(s.stepNo(), s.candidateGroup(), s.approved(), s.comment(),
                        s.decidedBy(), s.decidedAt()))
                .toList();
        Viewer viewer = viewer(userId);
        TenderView.OpenStep open = t.status() != TenderStatus.PENDING_APPROVAL ? null : approvals.openStep(t)
                .filter(o -> viewer.seesAll() || viewer.groups().contains(o.candidateGroup())
                        || userId.equals(t.registeredBy()))
                .map(o -> new TenderView.OpenStep(o.stepNo(), o.candidateGroup(), o.taskId(), o.name()))
                .orElse(null);
        return new TenderView(t.id(), t.title(), t.status(), t.status().label(), t.regime(), t.category(),
                t.serviceKind(), t.procurementMethod(), t.estimatedAmount(), t.regionCode(), t.documentIssueDate(),
                t.bidDeadline(), t.ruleSetVersion(), t.registrationDecisionId(), decisions,
                new TenderView.Approval(decisions.approvalRoute(), steps, open), t.returnReason(), t.registeredAt(),
                t.registeredBy(), t.round(), t.outcomeReason(), t.winnerBidId(), deadlines(t.id()),
                openTasks(t.id(), viewer, t.winnerBidId() != null || viewer.insider()));
    }

    /**
     * Who reads the tender: nobody (the application itself) and administrators and supervisors see every open
     * step; anyone else only the steps it may act on.
     */
    private record Viewer(String userId, List<String> groups) {

        boolean seesAll() {
            return userId == null || groups.contains("camunda-admin") || groups.contains("supervisor");
        }

        /** Who may know a committee's members before the result: centre clerks and administrators. */
        boolean insider() {
            return userId == null || groups.contains("camunda-admin") || groups.contains("centre-clerk");
        }
    }

    private Viewer viewer(String userId) {
        return new Viewer(userId, userId == null ? List.of() : tasks.groupsOf(userId));
    }

    private List<TenderView.Deadline> deadlines(String tenderId) {
        Instant now = clock.instant();
        return timeline.of(tenderId).stream()
                .filter(d -> d.state() != TenderTimeline.State.CANCELLED)
                .map(d -> new TenderView.Deadline(d.round(), d.name(), d.label(), d.dueAt(),
                        d.length() == null ? null : d.dueAt().minusNanos(1).toLocalDate(), d.length(), d.unit(),
                        d.citation(), d.rule(), d.state(),
                        d.state() == TenderTimeline.State.OPEN && ACTIONS.contains(d.name())
                                && !now.isBefore(d.dueAt().toInstant())))
                .toList();
    }

    /**
     * The open steps this viewer may see: every one to those who see all, otherwise those it may act on — a
     * candidate group of its own, or a step assigned or offered to it. Who sits where, and another centre's or
     * party's steps, stay unknown to the others.
     */
    private List<TenderView.OpenTask> openTasks(String tenderId, Viewer viewer, boolean namesVisible) {
        List<TenderView.OpenTask> open = new java.util.ArrayList<>();
        for (org.camunda.bpm.engine.task.Task task : tasks.open(tenderId)) {
            List<String> groups = tasks.candidateGroups(task.getId());
            boolean mine = viewer.userId() != null && (viewer.userId().equals(task.getAssignee())
                    || groups.stream().anyMatch(viewer.groups()::contains)
                    || tasks.candidateUsers(task.getId()).contains(viewer.userId()));
            if (!viewer.seesAll() && !mine) {
                continue;
            }
            open.add(new TenderView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                    namesVisible || task.getAssignee() == null || task.getAssignee().equals(viewer.userId())
                            ? task.getAssignee() : "(保密 / sealed)",
                    groups, task.getDueDate(), task.getProcessDefinitionId().split(":")[0]));
        }
        return open;
    }

    /**
     * Every decision recorded for a tender, oldest first; a sealed one shows what, not on what; a hidden one (a
     * bid's submission before the opening, to anyone but its bidder) is left out.
     */
    public List<DecisionRecord> decisions(String id, String userId) {
        tenders.get(id);
        return decisionRecords.ofTender(id).stream()
                .filter(r -> sealing.stream().noneMatch(s -> s.hidden(r, userId)))
                .map(r -> sealing.stream().anyMatch(s -> s.sealed(r, userId)) ? DecisionSealing.redacted(r) : r)
                .toList();
    }
}
