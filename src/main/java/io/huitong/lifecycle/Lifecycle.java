package io.huitong.lifecycle;

import io.huitong.shared.security.Groups;

import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidWithdrawn;
import io.huitong.bidding.BidsDecrypted;
import io.huitong.shared.security.Groups;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.workflow.TaskTenders;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderApproved;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderTimeline;
import io.huitong.tender.registration.RegistrationDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.huitong.shared.workflow.TaskProperties;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code tender-lifecycle.bpmn}, each one call from the model into the domain: the model decides
 * when, the tender decides whether. Every step runs in the engine's transaction.
 */
@Component("lifecycle")
public class Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);


    private final TenderService tenders;
    private final TenderTimeline timeline;
    private final LegalPeriods periods;
    private final BidService bids;
    private final RuntimeService runtime;
    private final LegalClock clock;
    private final String evaluationProcess;
    private final io.huitong.rules.DecisionRecords decisionRecords;
    private final org.camunda.bpm.engine.IdentityService identity;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.camunda.bpm.engine.TaskService taskService;
    private final TaskProperties taskProperties;

    /** The task properties of the lifecycle model this class reads: see {@link #taskDone}. */
    static final String MEETS = "meets";
    static final String REFUNDS = "refunds";

    Lifecycle(TenderService tenders, TenderTimeline timeline, LegalPeriods periods, BidService bids,
            RuntimeService runtime, LegalClock clock, io.huitong.rules.DecisionRecords decisionRecords,
            org.camunda.bpm.engine.IdentityService identity,
            org.springframework.context.ApplicationEventPublisher events,
            org.camunda.bpm.engine.TaskService taskService, TaskProperties taskProperties,
            @Value("${huitong.lifecycle.evaluation-process:}") String evaluationProcess) {
        this.taskService = taskService;
        this.taskProperties = taskProperties;
        this.identity = identity;
        this.events = events;
        this.tenders = tenders;
        this.timeline = timeline;
        this.periods = periods;
        this.bids = bids;
        this.runtime = runtime;
        this.clock = clock;
        this.evaluationProcess = evaluationProcess;
        this.decisionRecords = decisionRecords;
    }

    /**
     * Who does the tenderer's steps (招标人): the purchaser who registered the tender, and no other purchaser. A
     * tender registered by a clerk on a purchaser's behalf leaves them to the purchaser group.
     */
    public List<String> tendererUsers(String tenderId) {
        String registrant = tenders.get(tenderId).registeredBy();
        return purchaser(registrant) ? List.of(registrant) : List.of();
    }

    public List<String> tendererGroups(String tenderId) {
        return purchaser(tenders.get(tenderId).registeredBy()) ? List.of() : List.of(Groups.PURCHASER);
    }

    /** Whether the user may take the tender's tenderer steps (or is an administrator). */
    public boolean actsAsTenderer(String tenderId, String userId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.ADMIN).count() > 0) {
            return true;
        }
        List<String> users = tendererUsers(tenderId);
        return users.isEmpty() ? purchaser(userId) : users.contains(userId);
    }

    private boolean purchaser(String userId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(Groups.PURCHASER).count() > 0;
    }

    /** The registration's route ended approved: the lifecycle starts, waiting for the day of issue. */
    @EventListener
    public void start(TenderApproved approved) {
        Tender tender = tenders.get(approved.tenderId());
        RegistrationDecision decisions = tenders.decisions(tender);
        scheduleIssue(tender);
        runtime.startProcessInstanceByKey(LifecycleProcess.KEY, tender.id(), Variables.createVariables()
                .putValue(LifecycleProcess.TENDER_ID, tender.id())
                .putValue(TaskTenders.TENDER_NO, tender.id())
                .putValue(TaskTenders.TENDER_TITLE, tender.title())
                .putValue(LifecycleProcess.LAW, decisions.applicableLaw().name())
                .putValue(LifecycleProcess.ROUND, tender.round())
                .putValue(LifecycleProcess.MINIMUM_BIDS, periods.minimumBids(tender))
                .putValue(LifecycleProcess.EVALUATION_PROCESS, evaluationProcess.isBlank()
                        ? periods.evaluationProcess(tender) : evaluationProcess)
                .putValue(LifecycleProcess.METHOD_CHANGE_APPROVER,
                        decisions.applicableLaw() == Regime.TENDERING_LAW ? "project-approval-authority"
                                : "finance-department"));
    }

    // ---- announcement and bidding ----------------------------------------------------------------------------

    /**
     * The documents are issued and the announcement published: bids are accepted until the deadline. When the
     * route ended after the planned day of issue, the documents go out today and the deadline moves to keep
     * every minimum period (TBL 24; GPL 35), a decision recorded with its articles.
     */
    public void announce(DelegateExecution execution) {
        String tenderId = tenderId(execution);
        LocalDate today = clock.today();
        Tender tender = tenders.change(tenderId, t -> t.announce(lifecycleInstanceId(execution), today));
        periods.keepMinimumPeriods(tender);
        tender = tenders.get(tenderId);
        timeline.close(tenderId, tender.round(), "documentIssue", TenderTimeline.State.MET);
        periods.scheduleBidding(tender);
    }

    /** A clarification moved the deadline (or not): the periods around it are decided again. */
    public void rescheduleBidding(String tenderId) {
        periods.scheduleBidding(tenders.get(tenderId));
    }

    /** Every pending objection answered (the answer set the deadline): bidding resumes. */
    public void resumeBidding(String tenderId) {
        periods.scheduleBidding(tenders.change(tenderId, Tender::resume));
    }

    /**
     * The bid deadline has passed: bidding closes; returns the number of bids standing (F2, F3). When there are
     * enough, bidders decrypt their files within the window (EB20 30).
     */
    public int closeBidding(String tenderId) {
        Tender tender = tenders.change(tenderId, Tender::closeBidding);
        timeline.close(tenderId, tender.round(), "bidDeadline", TenderTimeline.State.MET);
        int standing = bids.submitted(tenderId, tender.round()).size();
        if (standing > 0) {
            periods.scheduleDecryption(tender);
        }
        return standing;
    }

    /** Every bid decrypted or settled before the window's end: the opening goes ahead. */
    @EventListener
    public void decrypted(BidsDecrypted event) {
        runtime.createMessageCorrelation(LifecycleProcess.BIDS_DECRYPTED).processInstanceBusinessKey(event.tenderId())
                .correlateAllWithResult();
    }

    /** Opens the bids (EB20 29, 31) once decrypted or the window is over; returns the number of valid bids. */
    public int open(String tenderId) {
        Tender tender = tenders.change(tenderId, Tender::open);
        timeline.close(tenderId, tender.round(), BidService.DECRYPTION_WINDOW, TenderTimeline.State.MET);
        return bids.open(tenderId, tender.round()).size();
    }

    // ---- failure --------------------------------------------------------------------------------------------

    /** Failed (流标, 废标): the reason and its article; the round's bonds are to be refunded. */
    public void fail(DelegateExecution execution) {
        String tenderId = tenderId(execution);
        Tender tender = tenders.get(tenderId);
        boolean reserved = tenders.decisions(tender).smeReserved();
        Tender.FailureKind kind = failureKind(execution, reserved);
        String reason = failureReason(kind, execution, periods.facts(tender).law());
        tenders.change(tenderId, t -> t.fail(kind, reason));
        timeline.cancelOpen(tenderId, tender.round());
        if (bids.ofRound(tenderId, tender.round()).stream().anyMatch(b -> b.holdsBond() && b.bondRefundedAt() == null)) {
            OffsetDateTime due = periods.schedule(tender, "failedRoundRefund", clock.instant());
            bids.bondsDue(tenderId, tender.round(), due.toInstant(), b -> true);
        }
    }

    private static Tender.FailureKind failureKind(DelegateExecution execution, boolean reserved) {
        Object outcome = execution.getVariable(LifecycleProcess.EVALUATION_OUTCOME);
        if ("ALL_REJECTED".equals(outcome)) {
            return Tender.FailureKind.ALL_REJECTED;
        }
        if ("INSUFFICIENT".equals(outcome)) {
            return reserved ? Tender.FailureKind.RESERVATION_UNFILLED : Tender.FailureKind.TOO_FEW_QUALIFIED;
        }
        return execution.getVariable(LifecycleProcess.VALID_BID_COUNT) != null ? Tender.FailureKind.TOO_FEW_VALID
                : Tender.FailureKind.TOO_FEW_BIDS;
    }

    private static String failureReason(Tender.FailureKind kind, DelegateExecution execution, Regime law) {
        return switch (kind) {
            case ALL_REJECTED -> "评标委员会否决全部投标 (R12 27; TBL 42) / The committee rejected every bid";
            case RESERVATION_UNFILLED -> "专门面向中小企业采购的合格中小企业不足3家，改为非预留项目重新采购 (SME46 10)"
                    + " / Fewer than 3 qualified SMEs on a reserved package: procured again without the reservation";
            case TOO_FEW_QUALIFIED -> "合格投标人不足3家，不得评标 (GPL 36; O87 44) / Fewer than 3 qualified bidders";
            case TOO_FEW_VALID -> "开标后有效投标不足 (" + execution.getVariable(LifecycleProcess.VALID_BID_COUNT)
                    + ") (O87 43, 44) / Too few valid bids after opening";
            case TOO_FEW_BIDS -> "投标人不足，不得开标 (" + execution.getVariable(LifecycleProcess.BID_COUNT) + ") ("
                    + (law == Regime.TENDERING_LAW ? "TBL 28; TBR 44" : "O87 41, 43")
                    + ") / Too few bids at the deadline: no opening";
        };
    }

    /** A new round: new dates and the decisions the rules took for them when the purchaser asked for it. */
    public void startRound(DelegateExecution execution) {
        String tenderId = tenderId(execution);
        LocalDate issue = LocalDate.parse((String) execution.getVariable(LifecycleProcess.NEW_DOCUMENT_ISSUE_DATE));
        OffsetDateTime deadline = OffsetDateTime.parse((String) execution.getVariable(LifecycleProcess.NEW_BID_DEADLINE));
        String decisions = decisionRecords.get((String) execution.getVariable(LifecycleProcess.NEW_DECISION_ID))
                .outputs().toString();
        Tender tender = tenders.change(tenderId, t -> t.retender(issue, deadline, decisions));
        for (String name : List.of(LifecycleProcess.BID_COUNT, LifecycleProcess.VALID_BID_COUNT,
                LifecycleProcess.EVALUATION_OUTCOME, LifecycleProcess.NEXT_STEP, LifecycleProcess.WINNER_BID_ID,
                LifecycleProcess.NEW_DECISION_ID)) {
            execution.removeVariable(name);
        }
        execution.setVariable(LifecycleProcess.ROUND, tender.round());
        scheduleIssue(tender);
    }

    /** Another method approved after the failure: this procedure ends (GPL 37; O87 43; A14). */
    public void changeMethod(DelegateExecution execution) {
        String method = (String) execution.getVariable(LifecycleProcess.NEW_METHOD);
        String reason = (String) execution.getVariable(LifecycleProcess.REASON);
        tenders.change(tenderId(execution), t -> t.changeMethod("变更为" + ProcurementMethod.valueOf(method) + "："
                + reason));
    }

    // ---- award ----------------------------------------------------------------------------------------------

    /** Tendering Law: the candidates are publicised for at least 3 days (TBR 54). */
    public void publishCandidates(String tenderId) {
        Tender tender = tenders.change(tenderId, Tender::publishCandidates);
        periods.schedule(tender, "publicity", clock.instant());
    }

    /** Every objection to the result answered (the answer set the publicity's end): publicity resumes. */
    public void resumePublicity(String tenderId) {
        tenders.change(tenderId, Tender::resume);
    }

    /** The winner is to be determined: under government procurement within 5 working days (O87 68). */
    public void startAwarding(String tenderId) {
        Tender tender = tenders.change(tenderId, Tender::startAwarding);
        timeline.close(tenderId, tender.round(), "publicity", TenderTimeline.State.MET);
        if (periods.facts(tender).law() == Regime.GOVERNMENT_PROCUREMENT) {
            periods.schedule(tender, "winnerDetermination", clock.instant());
        }
    }

    /** The first-ranked candidate (TBR 55; O87 68: silence is deemed choosing it). */
    public String rankOne(String tenderId) {
        Tender tender = tenders.get(tenderId);
        return bids.ofRound(tenderId, tender.round()).stream()
                .filter(b -> Integer.valueOf(1).equals(b.candidateRank())).map(Bid::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("tender " + tenderId + " has no first-ranked candidate"));
    }

    /** The award notice is sent; the contract, the report and the losers' refunds fall due. */
    public void award(DelegateExecution execution) {
        String tenderId = tenderId(execution);
        String winner = (String) execution.getVariable(LifecycleProcess.WINNER_BID_ID);
        Tender tender = tenders.change(tenderId, t -> t.award(winner));
        timeline.close(tenderId, tender.round(), "winnerDetermination", TenderTimeline.State.MET);
        Instant now = clock.instant();
        periods.schedule(tender, "contract", now);
        boolean losersHold = false;
        if (periods.facts(tender).law() == Regime.TENDERING_LAW) {
            periods.schedule(tender, "supervisorReport", now);
        } else {
            // the result is published with the award notice and announced for one working day (O87 69);
            // suppliers may challenge it within 7 working days of the announcement's end (GPL 52; GPR 53(三))
            periods.schedule(tender, "awardAnnouncement", now);
            periods.schedule(tender, "resultChallengeWindow", now);
            losersHold = bids.ofRound(tenderId, tender.round()).stream()
                    .anyMatch(b -> b.holdsBond() && b.bondRefundedAt() == null && !b.id().equals(winner));
            if (losersHold) {
                OffsetDateTime due = periods.schedule(tender, "losersBondRefund", now);
                bids.bondsDue(tenderId, tender.round(), due.toInstant(), b -> !b.id().equals(winner));
            }
        }
        execution.setVariable(LifecycleProcess.LOSERS_BONDS_HELD, losersHold);
    }

    /** A bid withdrawn before the deadline: its bond falls due for refund (TBR 35; O87 38), a task for finance. */
    @EventListener
    public void withdrawn(BidWithdrawn event) {
        Tender tender = tenders.get(event.tenderId());
        OffsetDateTime due = periods.schedule(tender, "withdrawalRefund", clock.instant());
        bids.bondsDue(event.tenderId(), tender.round(), due.toInstant(), b -> b.id().equals(event.bidId()));
        runtime.createMessageCorrelation(LifecycleProcess.BOND_REFUND_DUE).processInstanceBusinessKey(event.tenderId())
                .correlate();
    }

    /** The contract was not signed in time: the delay is on record for the supervisor. */
    public void contractOverdue(String tenderId) {
        Tender tender = tenders.get(tenderId);
        timeline.schedule(tenderId, tender.round(), "contractOverdue", "合同逾期未签订，已报告 / Contract overdue, reported",
                OffsetDateTime.ofInstant(clock.instant(), LegalClock.CHINA), null, null, "TBL 46; GPL 46", null);
        timeline.close(tenderId, tender.round(), "contractOverdue", TenderTimeline.State.MET);
        log.warn("tender {}: the contract was not signed by its legal date", tenderId);
    }

    /** The contract is signed: its publication and filing (GP) and the remaining refunds fall due. */
    public void recordContract(String tenderId) {
        Tender tender = tenders.change(tenderId, Tender::contract);
        Instant now = clock.instant();
        if (periods.facts(tender).law() == Regime.GOVERNMENT_PROCUREMENT) {
            periods.schedule(tender, "contractPublication", now);
            periods.schedule(tender, "contractFiling", now);
        }
        if (bondsHeld(tenderId)) {
            OffsetDateTime due = periods.schedule(tender, "bondRefund", now);
            bids.bondsDue(tenderId, tender.round(), due.toInstant(), b -> b.bondRefundDue() == null);
        }
    }

    /** Whether any bond of the tender, in any round, is still to be refunded. */
    public boolean bondsHeld(String tenderId) {
        return !bids.bondsToRefund(tenderId).isEmpty();
    }

    /**
     * Task listener, on complete: the due dates the task meets and, for a refund step, the bonds it refunds, as
     * the model says them (the task's properties {@code meets} and {@code refunds}).
     */
    public void taskDone(DelegateTask task) {
        String tenderId = (String) task.getVariable(LifecycleProcess.TENDER_ID);
        Tender tender = tenders.get(tenderId);
        Optional<String> refunds = TaskProperties.of(task, REFUNDS);
        int round = tender.round();
        if (refunds.isPresent()) {
            // a refund task refunds what has fallen due (a failed round's task: that round's bonds)
            if (refunds.get().equals("due-of-round")) {
                round = (Integer) task.getVariable("refundRound");
            }
            bids.refunded(tenderId, covered(tender, refunds.get(), round));
        }
        for (String name : TaskProperties.list(TaskProperties.of(task, MEETS))) {
            timeline.close(tenderId, round, name, TenderTimeline.State.MET);
        }
    }

    /** The bonds still to be refunded that an open refund step covers; empty for a step that refunds nothing. */
    public Optional<List<String>> coveredByRefundStep(String tenderId, org.camunda.bpm.engine.task.Task task) {
        Optional<String> refunds = taskProperties.of(task, REFUNDS);
        if (refunds.isEmpty()) {
            return Optional.empty();
        }
        Tender tender = tenders.get(tenderId);
        int round = refunds.get().equals("due-of-round")
                ? (Integer) taskService.getVariable(task.getId(), "refundRound") : tender.round();
        return Optional.of(covered(tender, refunds.get(), round));
    }

    /**
     * What a refund step refunds, by its model's {@code refunds}: {@code due} (every bond fallen due),
     * {@code due-except-winner} (the losers'), {@code due-of-round} (a failed round's), {@code all-held} (every
     * bond still held: a terminated tender).
     */
    private List<String> covered(Tender tender, String refunds, int round) {
        if (!List.of("due", "due-except-winner", "due-of-round", "all-held").contains(refunds)) {
            throw new IllegalStateException("a refund step's property 'refunds' is '" + refunds
                    + "': one of due, due-except-winner, due-of-round, all-held");
        }
        String winner = tender.winnerBidId();
        return bids.bondsToRefund(tender.id()).stream()
                .filter(b -> b.bondRefundDue() != null || refunds.equals("all-held"))
                .filter(b -> !refunds.equals("due-of-round") || b.round() == round)
                .filter(b -> !refunds.equals("due-except-winner") || !b.id().equals(winner))
                .map(Bid::id).toList();
    }

    public void archive(String tenderId) {
        Tender tender = tenders.change(tenderId, Tender::archive);
        timeline.cancelOpen(tenderId, tender.round());
        events.publishEvent(new TenderArchived(tenderId));
    }

    /** Terminated by the purchaser (TBR 31; O87 29): every fee and bond is to be refunded. */
    public void terminate(DelegateExecution execution) {
        String tenderId = tenderId(execution);
        String reason = (String) execution.getVariable(LifecycleProcess.REASON);
        Tender tender = tenders.change(tenderId, t -> t.terminate(reason));
        timeline.cancelOpen(tenderId, tender.round());
        if (bondsHeld(tenderId)) {
            OffsetDateTime due = periods.schedule(tender, "terminationRefund", clock.instant());
            bids.bondsDue(tenderId, tender.round(), due.toInstant(), b -> true);
        }
    }

    private void scheduleIssue(Tender tender) {
        OffsetDateTime issue = tender.documentIssueDate().atStartOfDay(LegalClock.CHINA).toOffsetDateTime();
        timeline.schedule(tender.id(), tender.round(), "documentIssue", "招标文件发出 / Documents issued", issue, null,
                null, null, null);
    }

    /**
     * The lifecycle's own instance: a stage runs in a model the lifecycle called, whose instance is not the one
     * to remember (the flat model of older versions runs every step in the lifecycle's instance itself).
     */
    private static String lifecycleInstanceId(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance.getProcessInstanceId();
    }

    private static String tenderId(DelegateExecution execution) {
        return (String) execution.getVariable(LifecycleProcess.TENDER_ID);
    }
}
