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
    private final List<EvaluationScheme.Source> schemes;

    TenderQueries(Tenders tenders, TenderService tenderService, ApprovalService approvals,
            DecisionRecords decisionRecords, TenderTimeline timeline, TaskActions tasks, Clock clock,
            List<DecisionSealing> sealing, List<EvaluationScheme.Source> schemes) {
        this.sealing = sealing;
        this.schemes = schemes;
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

    /** Due dates that follow from a withdrawal before the opening. */
    private static final java.util.Set<String> WITHDRAWAL = java.util.Set.of("withdrawalRefund");

    /** States of a tender whose current round is not opened yet: its bids are sealed. */
    private static final java.util.Set<TenderStatus> SEALED = java.util.EnumSet.of(TenderStatus.APPROVED,
            TenderStatus.BIDDING, TenderStatus.SUSPENDED, TenderStatus.CLOSED);

    /** Who may know what happens to sealed bids' bonds: the centre's staff, finance, supervisors, administrators. */
    private static final java.util.Set<String> STAFF = java.util.Set.of(io.huitong.shared.security.Groups.ADMIN,
            io.huitong.shared.security.Groups.REGISTRATION_CLERK, io.huitong.shared.security.Groups.CENTRE_CLERK,
            io.huitong.shared.security.Groups.CENTRE_DIRECTOR, io.huitong.shared.security.Groups.SUPERVISOR,
            io.huitong.shared.security.Groups.FINANCE_DEPARTMENT);

    /** Groups that see every tender in the list: the centre, its approvers and the supervising authorities. */
    private static final java.util.Set<String> SEE_ALL = java.util.Set.of(
            io.huitong.shared.security.Groups.ADMIN, io.huitong.shared.security.Groups.REGISTRATION_CLERK,
            io.huitong.shared.security.Groups.CENTRE_CLERK, io.huitong.shared.security.Groups.CENTRE_DIRECTOR,
            io.huitong.shared.security.Groups.SUPERVISOR, io.huitong.shared.security.Groups.FINANCE_DEPARTMENT,
            io.huitong.shared.security.Groups.PROJECT_APPROVAL_AUTHORITY);

    /**
     * A page of tenders for the caller: the centre's staff, approvers and supervisors see all (or, with {@code mine},
     * what they registered themselves); a purchaser sees only what it registered. Anyone else is refused.
     */
    public TenderList list(TenderList.Filter filter, int page, int size, String userId) {
        List<String> groups = tasks.groupsOf(userId);
        boolean seesAll = groups.stream().anyMatch(SEE_ALL::contains);
        if (!seesAll && !groups.contains(io.huitong.shared.security.Groups.PURCHASER)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "项目列表供采购人、交易中心和监管部门使用 / The list of tenders is for purchasers, the centre and supervisors");
        }
        return tenders.page(filter, seesAll && !filter.mine() ? null : userId, page, size);
    }

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
     * those the user may act on (all of them to administrators and supervisors); the open approval step's task id
     * goes to its group and the tenderer only. A null user is the application itself.
     */
    public TenderView view(Tender t, String userId) {
        RegistrationDecision decisions = tenderService.decisions(t);
        List<TenderView.Step> steps = approvals.steps(t.id()).stream()
                .map(s -> new TenderView.Step(s.stepNo(), s.candidateGroup(), s.approved(), s.comment(),
                        s.decidedBy(), s.decidedAt()))
                .toList();
        Viewer viewer = viewer(userId);
        // which step of the route is open follows from the route and the steps taken, both shown; the task itself
        // only to those who may act on it and to the tenderer
        TenderView.OpenStep open = t.status() != TenderStatus.PENDING_APPROVAL ? null : approvals.openStep(t)
                .map(o -> new TenderView.OpenStep(o.stepNo(), o.candidateGroup(),
                        viewer.seesAll() || viewer.groups().contains(o.candidateGroup())
                                || userId.equals(t.registeredBy()) ? o.taskId() : null, o.name()))
                .orElse(null);
        return new TenderView(t.id(), t.title(), t.status(), t.status().label(), t.regime(), t.category(),
                t.serviceKind(), t.procurementMethod(), t.estimatedAmount(), t.regionCode(), t.documentIssueDate(),
                t.bidDeadline(), t.ruleSetVersion(), t.registrationDecisionId(), decisions,
                new TenderView.Approval(decisions.approvalRoute(), steps, open), t.returnReason(), t.registeredAt(),
                t.registeredBy(), t.round(), t.outcomeReason(), t.winnerBidId(), deadlines(t, viewer),
                openTasks(t.id(), viewer, t.winnerBidId() != null || viewer.insider()),
                schemes.stream().findFirst().map(s -> s.of(t)).orElse(null));
    }

    /**
     * Who reads the tender: nobody (the application itself) and administrators and supervisors see every open
     * step; anyone else only the steps it may act on.
     */
    private record Viewer(String userId, List<String> groups) {

        boolean seesAll() {
            return userId == null || groups.contains("camunda-admin") || groups.contains("supervisor");
        }

        /**
         * Who may know, before the opening, that a bid was withdrawn (its bond falls due): the centre's staff,
         * finance, supervisors and administrators.
         */
        boolean staff() {
            return userId == null || groups.stream().anyMatch(STAFF::contains);
        }

        /** Who may know a committee's members before the result: centre clerks and administrators. */
        boolean insider() {
            return userId == null || groups.contains("camunda-admin") || groups.contains("centre-clerk");
        }
    }

    private Viewer viewer(String userId) {
        return new Viewer(userId, userId == null ? List.of() : tasks.groupsOf(userId));
    }

    /**
     * The timeline as it stands now: a step someone owes (an answer, a refund, the contract) whose date has passed
     * unmet stays {@code OPEN} and is overdue; a period that runs out by itself (an announcement, a window, a last
     * day for clarifications) is {@code ENDED} once its end has passed.
     */
    private List<TenderView.Deadline> deadlines(Tender t, Viewer viewer) {
        Instant now = clock.instant();
        // a withdrawal's refund date tells that someone bid and withdrew: before the round is opened only the staff
        boolean sealed = !viewer.staff() && SEALED.contains(t.status());
        return timeline.of(t.id()).stream()
                .filter(d -> d.state() != TenderTimeline.State.CANCELLED)
                .filter(d -> !(sealed && d.round() == t.round() && WITHDRAWAL.contains(d.name())))
                .map(d -> {
                    boolean passed = d.state() == TenderTimeline.State.OPEN && !now.isBefore(d.dueAt().toInstant());
                    boolean owed = ACTIONS.contains(d.name());
                    return new TenderView.Deadline(d.round(), d.name(), d.label(), d.dueAt(),
                            d.length() == null ? null : d.dueAt().minusNanos(1).toLocalDate(), d.length(), d.unit(),
                            d.citation(), d.rule(), passed && !owed ? TenderTimeline.State.ENDED : d.state(),
                            passed && owed);
                })
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
