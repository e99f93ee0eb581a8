package io.huitong.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.party.BidderAccount;
import io.huitong.shared.party.BidderAccounts;
import io.huitong.shared.security.Groups;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import io.huitong.tender.TenderTimeline;
import io.huitong.tender.registration.RegistrationEvaluation;
import io.huitong.tender.registration.RegistrationRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people do to a running tender through the API: clarify, object and answer, choose the winner, decide
 * after a failure, approve a change of method, terminate. Each checks the law and the tender's state, records
 * its decision, and wakes the lifecycle by a message or by completing its task.
 */
@Service
public class LifecycleActions {

    private final TenderService tenders;
    private final TenderTimeline timeline;
    private final LegalPeriods periods;
    private final Objections objections;
    private final BidService bids;
    private final RuleSetRegistry ruleSets;
    private final RegistrationRules registrationRules;
    private final DecisionRecords decisionRecords;
    private final RuntimeService runtime;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final ObjectMapper json;
    private final Lifecycle lifecycle;

    private final BidderAccounts accounts;

    LifecycleActions(TenderService tenders, TenderTimeline timeline, LegalPeriods periods, Objections objections,
            BidService bids, RuleSetRegistry ruleSets, RegistrationRules registrationRules,
            DecisionRecords decisionRecords, RuntimeService runtime, TaskActions tasks,
            TransactionTemplate transactions, LegalClock clock, ObjectMapper json, Lifecycle lifecycle,
            BidderAccounts accounts) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.tenders = tenders;
        this.timeline = timeline;
        this.periods = periods;
        this.objections = objections;
        this.bids = bids;
        this.ruleSets = ruleSets;
        this.registrationRules = registrationRules;
        this.decisionRecords = decisionRecords;
        this.runtime = runtime;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /** A clarification as recorded: the deadline before and after it, and the decision behind the move. */
    public record Clarification(String id, OffsetDateTime deadlineBefore, OffsetDateTime deadlineAfter,
            OffsetDateTime earliestLegalDeadline, String citation, String decisionId) {
    }

    /**
     * Issues a clarification or amendment. One that may affect bid preparation and comes less than 15 days
     * before the deadline moves it (TBR 21; GPR 31): to {@code newBidDeadline} if given and late enough (422
     * otherwise), else to the earliest legal moment.
     */
    /** The tenderer's own steps are its only: another purchaser is refused (403). */
    private void requireTenderer(String tenderId, Operator operator) {
        if (!lifecycle.actsAsTenderer(tenderId, operator.userId())) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "只有本项目的招标人办理 / Only this tender's tenderer does this");
        }
    }

    public Clarification clarify(String tenderId, String content, boolean affectsPreparation,
            OffsetDateTime newBidDeadline, Operator operator) {
        requireTenderer(tenderId, operator);
        Object done = transactions.execute(status -> {
            Tender tender = tenders.lock(tenderId);
            requireBidding(tender);
            Instant now = clock.instant();
            if (!now.isBefore(tender.bidDeadline().toInstant())) {
                throw new ConflictException("投标截止时间已过，不能再澄清 / The deadline has passed: no clarification now");
            }
            RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
            Regime law = periods.facts(tender).law();
            RuleSet.Evaluation evaluation = ruleSet.evaluate(List.of(new ClarificationFacts(law, affectsPreparation)));
            OffsetDateTime before = tender.bidDeadline();
            OffsetDateTime earliest = null;
            String citation = null;
            for (DeadlineMove move : evaluation.all(DeadlineMove.class)) {
                LocalDate last = ruleSet.policy().calendar().periodEnd(LocalDate.ofInstant(now, LegalClock.CHINA),
                        move.length(), move.unit());
                OffsetDateTime candidate = last.atTime(before.atZoneSameInstant(LegalClock.CHINA).toLocalTime())
                        .atZone(LegalClock.CHINA).toOffsetDateTime();
                if (earliest == null || candidate.isAfter(earliest)) {
                    earliest = candidate;
                    citation = move.by().citation();
                }
            }
            OffsetDateTime after = before;
            if (newBidDeadline != null) {
                if (!newBidDeadline.isAfter(before)) {
                    throw invalid("newBidDeadline", newBidDeadline, before, "新的投标截止时间须晚于原截止时间",
                            "A new deadline must be later than the current one");
                }
                after = newBidDeadline;
            }
            List<Violation> refused = List.of();
            if (earliest != null && after.isBefore(earliest)) {
                if (newBidDeadline != null) {
                    DeadlineMove move = evaluation.all(DeadlineMove.class).get(0);
                    refused = List.of(Violation.of("newBidDeadline", move.by().rule(), move.by().citation(), earliest,
                            newBidDeadline, "澄清或者修改影响投标文件编制的，应当在投标截止时间至少15日前发出，否则应当顺延截止时间",
                            "A clarification affecting bid preparation comes at least 15 days before the deadline, "
                                    + "or the deadline moves"));
                } else {
                    after = earliest;
                }
            }
            ObjectNode inputs = json.createObjectNode().put("content", content).put("affectsPreparation",
                    affectsPreparation).put("deadlineBefore", before.toString())
                    .put("newBidDeadline", newBidDeadline == null ? null : newBidDeadline.toString());
            ObjectNode outputs = json.createObjectNode().put("deadlineAfter", after.toString())
                    .put("earliestLegalDeadline", earliest == null ? null : earliest.toString());
            DecisionRecord record = new DecisionRecord(UUID.randomUUID().toString(), "CLARIFICATION",
                    refused.isEmpty() ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED, false,
                    tenderId, ruleSet.version(), now, operator.userId(), operator.address(), inputs, outputs,
                    evaluation.firedRules(), refused);
            decisionRecords.save(record);
            if (!refused.isEmpty()) {
                return record;
            }
            if (after.isAfter(before)) {
                OffsetDateTime moved = after;
                tenders.change(tenderId, t -> t.moveDeadline(moved));
            }
            String id = UUID.randomUUID().toString();
            objections.clarification(id, tenderId, tender.round(), now, operator.userId(), content, affectsPreparation,
                    before, after, record.id());
            runtime.createMessageCorrelation(LifecycleProcess.CLARIFICATION_ISSUED).processInstanceBusinessKey(tenderId)
                    .correlate();
            return new Clarification(id, before, after, earliest, citation, record.id());
        });
        if (done instanceof DecisionRecord refused) {
            throw new RuleRefusalException(refused.violations(), refused.id(), refused.ruleSetVersion());
        }
        return (Clarification) done;
    }

    /**
     * Raises an objection (Tendering Law) or a challenge (government procurement): to the documents while
     * bidding, within its window (TBR 22: 10 days before the deadline; B32: 7 working days after the
     * announcement); to the result during candidate publicity (TBR 54). It suspends the procedure.
     * <p>
     * A bidder account objects for its own entity only (the party, by name or credit code; its name if none is
     * given); an account of the bidder group bound to no entity cannot object, and nobody else names a party.
     */
    public Objection object(String tenderId, String content, String party, Operator operator) {
        String raisedFor = objectingParty(party, operator);
        return transactions.execute(status -> {
            Tender tender = tenders.lock(tenderId);
            TenderStatus phase = tender.status() == TenderStatus.SUSPENDED ? tender.suspendedFrom() : tender.status();
            boolean gp = periods.facts(tender).law() == Regime.GOVERNMENT_PROCUREMENT;
            Objection.Stage stage;
            String window;
            if (phase == TenderStatus.BIDDING) {
                stage = Objection.Stage.DOCUMENTS;
                window = gp ? "challengeWindow" : "objectionLatest";
            } else if (phase == TenderStatus.PUBLICITY) {
                stage = Objection.Stage.RESULT;
                window = "publicity";
            } else if (gp && (phase == TenderStatus.AWARDED || phase == TenderStatus.CONTRACTED)) {
                stage = Objection.Stage.RESULT;
                window = "resultChallengeWindow";
            } else {
                throw new ConflictException("当前阶段不受理异议 / Objections are taken while bidding, during publicity, "
                        + "and (government procurement) within 7 working days of the result");
            }
            Instant now = clock.instant();
            TenderTimeline.Deadline limit = timeline.open(tenderId, tender.round(), window).orElse(null);
            if (limit == null || !now.isBefore(limit.dueAt().toInstant())) {
                throw new RuleRefusalException(List.of(Violation.of("raisedAt", limit == null ? null : limit.rule(),
                        limit == null ? "TBR 22; TBR 54; GPL 52" : limit.citation(),
                        limit == null ? null : limit.dueAt(), OffsetDateTime.ofInstant(now, LegalClock.CHINA),
                        "异议或者质疑已超过法定期限", "The objection or challenge comes after its legal period")),
                        null, tender.ruleSetVersion());
            }
            Objection objection = new Objection(UUID.randomUUID().toString(), tenderId, tender.round(), stage,
                    operator.userId(), raisedFor, now, content, null, null, null, null, null);
            objections.insert(objection);
            if (window.equals("resultChallengeWindow")) {
                // a challenge to a government-procurement result is answered in 7 working days (O94 13); it does
                // not stop the contract (a complaint to the finance department may, B33)
                periods.schedule(tender, "objectionAnswer", now);
            } else if (tender.status() != TenderStatus.SUSPENDED) {
                tenders.change(tenderId, t -> t.suspend(now));
                periods.schedule(tender, stage == Objection.Stage.DOCUMENTS ? "objectionAnswer"
                        : "publicityObjectionAnswer", now);
                runtime.createMessageCorrelation(LifecycleProcess.OBJECTION_RAISED).processInstanceBusinessKey(tenderId)
                        .correlate();
            }
            return objection;
        });
    }

    /** The party an objection is raised for: the operator's own entity, or 403 (noted in the audit entry). */
    private String objectingParty(String party, Operator operator) {
        String named = party == null || party.isBlank() ? null : party.strip();
        BidderAccount account = accounts.of(operator.userId()).orElse(null);
        if (account == null) {
            if (tasks.groupsOf(operator.userId()).contains(Groups.BIDDER)) {
                accounts.requireBound(operator.userId());
            }
            if (named != null) {
                io.huitong.shared.audit.AuditFilter.note("refused: account " + operator.userId()
                        + " of no trading entity named party " + named);
                throw new org.springframework.security.access.AccessDeniedException("party: 只有该市场主体的账户可以以其名义"
                        + "提出异议或质疑 / Only an account of that trading entity objects in its name");
            }
            return null;
        }
        if (named == null) {
            return account.name();
        }
        if (!named.equals(account.name()) && !named.equals(account.creditCode())) {
            io.huitong.shared.audit.AuditFilter.note("refused: account " + operator.userId() + " of "
                    + account.creditCode() + " named party " + named);
            throw new org.springframework.security.access.AccessDeniedException("party: 账户只能以其所属市场主体（"
                    + account.name() + "）的名义提出异议或质疑 / The account objects only for its own trading entity ("
                    + account.name() + ", " + account.creditCode() + ")");
        }
        return named;
    }

    /**
     * Answers an objection. When none is left pending the procedure resumes: the time it stood still is given
     * back (the deadline, or the end of publicity, moves by as long) [I]; an answer that amends the documents
     * also moves the deadline to at least 15 days away (TBR 21; GPR 31).
     */
    public Objection answer(String tenderId, String objectionId, String answer, boolean amendsDocuments,
            Operator operator) {
        requireTenderer(tenderId, operator);
        return transactions.execute(status -> {
            Tender tender = tenders.lock(tenderId);
            Objection objection = objections.get(tenderId, objectionId);
            if (!objection.isPending()) {
                throw new ConflictException("该异议已答复 / The objection was already answered");
            }
            if (amendsDocuments && objection.stage() != Objection.Stage.DOCUMENTS) {
                throw invalid("amendsDocuments", true, false, "只有对招标文件的异议可以修改招标文件",
                        "Only an objection to the documents can amend them");
            }
            Instant now = clock.instant();
            if (tender.status() != TenderStatus.SUSPENDED) {
                // a challenge to a government-procurement result: answered, nothing to resume
                objections.answer(objectionId, answer, operator.userId(), now, false, null);
                if (objections.pending(tenderId).stream().noneMatch(o -> o.round() == tender.round())) {
                    timeline.close(tenderId, tender.round(), "objectionAnswer", TenderTimeline.State.MET);
                }
                return objections.get(tenderId, objectionId);
            }
            boolean last = objections.pending(tenderId).stream().filter(o -> o.round() == tender.round()).count() == 1;
            OffsetDateTime deadlineAfter = null;
            if (last) {
                // the time it stood still is given back in whole days, keeping the time of day [I]
                Duration stood = Duration.ofDays(Duration.between(tender.suspendedAt(), now).plusHours(23).toDays());
                String phaseEnd = objection.stage() == Objection.Stage.DOCUMENTS ? null : "publicity";
                if (phaseEnd == null) {
                    OffsetDateTime moved = tender.bidDeadline().plus(stood);
                    if (amendsDocuments || anyAmended(tenderId, tender.round())) {
                        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
                        LocalDate earliest = ruleSet.policy().calendar().periodEnd(LocalDate.ofInstant(now,
                                LegalClock.CHINA), 15, io.huitong.shared.time.PeriodUnit.CALENDAR_DAYS);
                        OffsetDateTime legal = earliest.atTime(moved.atZoneSameInstant(LegalClock.CHINA).toLocalTime())
                                .atZone(LegalClock.CHINA).toOffsetDateTime();
                        moved = legal.isAfter(moved) ? legal : moved;
                    }
                    deadlineAfter = moved;
                    if (moved.isAfter(tender.bidDeadline())) {
                        OffsetDateTime target = moved;
                        tenders.change(tenderId, t -> t.moveDeadline(target));
                    }
                } else {
                    TenderTimeline.Deadline end = timeline.open(tenderId, tender.round(), phaseEnd).orElseThrow();
                    timeline.schedule(tenderId, tender.round(), phaseEnd, end.label(), end.dueAt().plus(stood),
                            end.length(), end.unit(), end.citation(), end.rule());
                }
            }
            objections.answer(objectionId, answer, operator.userId(), now, amendsDocuments, deadlineAfter);
            if (last) {
                String answerName = objection.stage() == Objection.Stage.DOCUMENTS ? "objectionAnswer"
                        : "publicityObjectionAnswer";
                timeline.close(tenderId, tender.round(), answerName, TenderTimeline.State.MET);
                tasks.complete(tenderId, objection.stage() == Objection.Stage.DOCUMENTS
                        ? LifecycleProcess.ANSWER_OBJECTION : LifecycleProcess.ANSWER_PUBLICITY_OBJECTION,
                        operator, Map.of());
            }
            return objections.get(tenderId, objectionId);
        });
    }

    private boolean anyAmended(String tenderId, int round) {
        return objections.ofTender(tenderId).stream()
                .anyMatch(o -> o.round() == round && Boolean.TRUE.equals(o.amendsDocuments()));
    }

    /**
     * The purchaser determines the winner from the candidates; the task's guard applies the law (TBL 40;
     * TBR 55; O87 68), however the task is completed.
     */
    public void chooseWinner(String tenderId, String winnerBidId, String reason, Operator operator) {
        requireTenderer(tenderId, operator);
        String task = tasks.single(tenderId, LifecycleProcess.DETERMINE_WINNER).isPresent()
                ? LifecycleProcess.DETERMINE_WINNER : LifecycleProcess.CHOOSE_WINNER;
        tasks.complete(tenderId, task, operator, Variables.createVariables()
                .putValue(LifecycleProcess.WINNER_BID_ID, winnerBidId)
                .putValue(LifecycleProcess.REASON, reason));
    }

    /**
     * After a failure the purchaser decides: tender again with new dates (the registration rules decide the
     * periods again), or ask to change the method (GPL 37; O87 43; F4).
     */
    public void afterFailure(String tenderId, LifecycleProcess.NextStep next, LocalDate documentIssueDate,
            OffsetDateTime bidDeadline, ProcurementMethod method, String reason, boolean documentsDefective,
            Operator operator) {
        requireTenderer(tenderId, operator);
        Tender tender = tenders.get(tenderId);
        if (tender.status() != TenderStatus.FAILED
                || tasks.single(tenderId, LifecycleProcess.DECIDE_AFTER_FAILURE).isEmpty()) {
            throw new ConflictException("招标未失败或已作出决定 / The tender has not failed, or the decision is taken");
        }
        var variables = Variables.createVariables().putValue(LifecycleProcess.NEXT_STEP, next.name())
                .putValue("documentsDefective", documentsDefective);
        if (next == LifecycleProcess.NextStep.RETENDER) {
            if (documentIssueDate == null || bidDeadline == null) {
                throw invalid(documentIssueDate == null ? "documentIssueDate" : "bidDeadline", null, "required",
                        "重新招标须给出新的招标文件发出日和投标截止时间", "Tendering again needs new dates");
            }
            if (documentIssueDate.isBefore(clock.today())) {
                throw invalid("documentIssueDate", documentIssueDate, clock.today(), "招标文件发出日不得早于今天",
                        "The documents cannot be issued before today");
            }
            RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
            boolean liftReservation = tender.failureKind() == Tender.FailureKind.RESERVATION_UNFILLED;
            RegistrationEvaluation evaluation = registrationRules.evaluate(
                    tenders.facts(tender, documentIssueDate, bidDeadline, true, liftReservation, clock.today()), ruleSet);
            ObjectNode inputs = json.createObjectNode().put("documentIssueDate", documentIssueDate.toString())
                    .put("bidDeadline", bidDeadline.toString()).put("round", tender.round() + 1);
            DecisionRecord record = new DecisionRecord(UUID.randomUUID().toString(), "RETENDER",
                    evaluation.accepted() ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED, false,
                    tenderId, ruleSet.version(), clock.instant(), operator.userId(), operator.address(), inputs,
                    json.valueToTree(evaluation.decisions()), evaluation.firedRules(), evaluation.violations());
            transactions.executeWithoutResult(s -> decisionRecords.save(record));
            if (!evaluation.accepted()) {
                throw new RuleRefusalException(evaluation.violations(), record.id(), ruleSet.version());
            }
            variables.putValue(LifecycleProcess.NEW_DECISION_ID, record.id())
                    .putValue(LifecycleProcess.NEW_DOCUMENT_ISSUE_DATE, documentIssueDate.toString())
                    .putValue(LifecycleProcess.NEW_BID_DEADLINE,
                            bidDeadline.atZoneSameInstant(LegalClock.CHINA).toOffsetDateTime().toString());
        } else {
            if (method == null || reason == null || reason.isBlank()) {
                throw invalid(method == null ? "procurementMethod" : "reason", null, "required",
                        "变更采购方式须说明新的方式和理由", "A change of method names the method and the reasons");
            }
            variables.putValue(LifecycleProcess.NEW_METHOD, method.name()).putValue(LifecycleProcess.REASON, reason);
        }
        tasks.complete(tenderId, LifecycleProcess.DECIDE_AFTER_FAILURE, operator, variables);
    }

    /** The finance department (GP) or the project approval authority (TL) decides a change of method. */
    public void decideMethodChange(String tenderId, boolean approved, String comment, Operator operator) {
        tasks.complete(tenderId, LifecycleProcess.APPROVE_METHOD_CHANGE, operator, Variables.createVariables()
                .putValue(LifecycleProcess.METHOD_CHANGE_APPROVED, approved).putValue("comment", comment));
    }

    /** The purchaser terminates the tender before the award (TBR 31; O87 29): fees and bonds are refunded. */
    public void terminate(String tenderId, String reason, Operator operator) {
        requireTenderer(tenderId, operator);
        transactions.executeWithoutResult(status -> {
            Tender tender = tenders.lock(tenderId);
            if (!tender.status().isTerminable()) {
                throw new ConflictException("招标项目当前状态为" + tender.status().label() + "，不能终止 / Tender "
                        + tenderId + " cannot be terminated now");
            }
            runtime.createMessageCorrelation(LifecycleProcess.TENDER_TERMINATED).processInstanceBusinessKey(tenderId)
                    .setVariable(LifecycleProcess.REASON, reason).correlate();
        });
    }

    private static void requireBidding(Tender tender) {
        if (tender.status() == TenderStatus.SUSPENDED) {
            throw new ConflictException("异议答复前招标投标活动暂停 (TBR 22) / Suspended until the objection is answered");
        }
        if (tender.status() != TenderStatus.BIDDING) {
            throw new ConflictException("招标项目当前状态为" + tender.status().label() + "，不能澄清 / Tender "
                    + tender.id() + " is " + tender.status() + ": no clarification now");
        }
    }

    private static ValidationException invalid(String field, Object value, Object limit, String zh, String en) {
        return new ValidationException(List.of(Violation.of(field, "validation." + field, null, limit, value, zh, en)));
    }

    /**
     * Before the opening the centre may send a project to remote cross-site evaluation that the province's policy
     * does not require (J1 encourages it); a project the policy sends remote stays remote. Recorded as a decision.
     */
    public void chooseEvaluationVenue(String tenderId, boolean remote, String reason, Operator operator) {
        transactions.executeWithoutResult(status -> {
            Tender tender = tenders.lock(tenderId);
            TenderStatus phase = tender.status() == TenderStatus.SUSPENDED ? tender.suspendedFrom() : tender.status();
            if (phase != TenderStatus.APPROVED && phase != TenderStatus.BIDDING && phase != TenderStatus.CLOSED) {
                throw new ConflictException("开标后不能再改变评标方式 / The venue is chosen before the opening");
            }
            boolean required = periods.remoteRequired(tender);
            if (!remote && required) {
                throw new RuleRefusalException(List.of(Violation.of("remote", "HN-R must-tender works of the province "
                        + "are evaluated remotely", "J2 (N807 §1.1); J5; J11 (HN-R)", true, false,
                        "本省规定该类项目实行远程异地评标", "The province's policy sends this project to remote evaluation")),
                        null, tender.ruleSetVersion());
            }
            String process = remote ? LifecycleProcess.REMOTE_EVALUATION : LifecycleProcess.LOCAL_EVALUATION;
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(tenderId)
                    .processDefinitionKey(LifecycleProcess.KEY).active().list()
                    .forEach(p -> runtime.setVariable(p.getId(), LifecycleProcess.EVALUATION_PROCESS, process));
            decisionRecords.save(new DecisionRecord(UUID.randomUUID().toString(), "EVALUATION_VENUE",
                    DecisionRecord.Outcome.ACCEPTED, false, tenderId, tender.ruleSetVersion(), clock.instant(),
                    operator.userId(), operator.address(),
                    json.createObjectNode().put("remote", remote).put("reason", reason).put("requiredByPolicy", required),
                    json.createObjectNode().put("evaluationProcess", process), List.of(), List.of()));
        });
    }
}
